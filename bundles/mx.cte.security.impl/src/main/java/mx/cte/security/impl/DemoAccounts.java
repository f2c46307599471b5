package mx.cte.security.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import mx.cte.security.api.Accounts;
import mx.cte.security.api.Passwords;
import mx.cte.security.api.RoleGrant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo accounts for the embedded default's demo zone (15-preescolar-015), one per role, created once with random
 * passwords written to a file only its owner can read. Only active when configured ({@code etc/mx.cte.security.demo.cfg}).
 */
@Component(configurationPid = "mx.cte.security.demo", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoAccounts.Config.class)
public final class DemoAccounts {

    @ObjectClassDefinition(name = "CTE demo accounts")
    public @interface Config {
        @AttributeDefinition(description = "Create the demo accounts when none of them exists")
        boolean enabled() default false;

        @AttributeDefinition(description = "File that receives the demo users and their passwords (mode 600)")
        String passwordsFile();
    }

    /** Username, display name, role grant. */
    static final List<String[]> ACCOUNTS = List.of(
            new String[] {"directora.rosaura", "Mtra. Rosaura Zapata (demostración)", "director@15EJN0101A"},
            new String[] {"docente.ana", "Educadora Ana López (demostración)", "docente@15EJN0101A"},
            new String[] {"docente.luis", "Educador Luis Pérez (demostración)", "docente@15EJN0102B"},
            new String[] {"director.bernardo", "Mtro. Bernardo Ruiz (demostración)", "director@15EJN0102B"},
            new String[] {"supervisora.zona15", "Supervisora de la zona 15 (demostración)",
                "supervisor@15-preescolar-015"},
            new String[] {"autoridad.edomex", "Autoridad educativa del Estado de México (demostración)",
                "autoridad-estatal@15"},
            new String[] {"publicador.edomex", "Publicador de guías del Estado de México (demostración)",
                "publicador@15"},
            new String[] {"publicador.sep", "Publicador de guías de la SEP (demostración)", "publicador@SEP"},
            new String[] {"admin.plataforma", "Administración de la plataforma (demostración)", "administrador"});

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    @Activate
    public DemoAccounts(@Reference Accounts accounts, Config config) {
        if (!config.enabled() || accounts.find(ACCOUNTS.get(0)[0]).isPresent()) {
            return;
        }
        StringBuilder file = new StringBuilder("# Cuentas de demostración de la plataforma CTE (usuario, contraseña, rol)\n");
        for (String[] account : ACCOUNTS) {
            String password = Passwords.random();
            accounts.create(account[0], account[1], password, List.of(RoleGrant.parse(account[2])));
            file.append(account[0]).append(' ').append(password).append(' ').append(account[2]).append('\n');
        }
        write(Path.of(config.passwordsFile()), file.toString());
        LOG.info("Demo accounts created; their passwords are in {}", config.passwordsFile());
    }

    private static void write(Path path, String content) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.deleteIfExists(path);
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(path);
            }
            Files.writeString(path, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the demo passwords to " + path, e);
        }
    }
}
