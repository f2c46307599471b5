package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.Test;

/**
 * The platform's own system properties live in {@code etc/custom.system.properties}, which Karaf reads only because
 * the {@code etc/system.properties} it generates names it; both are checked on the assembled distribution.
 */
public class SystemPropertiesTest {

    private static final Path ETC = Path.of("../cte-distribution/target/assembly/etc");

    @Test
    public void karafReadsThePlatformsOwnSystemProperties() throws Exception {
        String system = Files.readString(ETC.resolve("system.properties"), StandardCharsets.UTF_8);

        assertTrue("etc/system.properties no longer includes custom.system.properties",
                system.lines().anyMatch(line -> line.replace(" ", "").equals("${optionals}=custom.system.properties")));
    }

    @Test
    public void theAdministratorsShellDoesNotRegisterBouncyCastleAsAJdkProvider() throws Exception {
        Properties custom = new Properties();
        try (Reader in = Files.newBufferedReader(ETC.resolve("custom.system.properties"), StandardCharsets.UTF_8)) {
            custom.load(in);
        }

        // Registered, it loads some 650 classes at every start for keys the JDK handles (docs/performance.md);
        // BackupRestoreIT signs in to the shell with bin/client without it.
        assertEquals("false", custom.getProperty("org.apache.sshd.security.provider.BC.enabled"));
    }
}
