package mx.cte.publicador;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.cte.trust.api.TrustVerdict;
import mx.cte.trust.openpgp.OpenPgp;
import mx.cte.trust.openpgp.TrustStore;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;

/**
 * {@code cte-publicador}: the command the SEP and state IT teams sign with. Every message is in Spanish; the exit
 * status is 0 on success, 1 when a verification refuses, 2 for a usage or input error. Passphrases are read from the
 * environment variable {@value #PASSPHRASE_VARIABLE} (never from the command line, which other users can see).
 */
public final class Publicador {

    static final String PASSPHRASE_VARIABLE = "CTE_FRASE";
    static final String ROOT_PASSPHRASE_VARIABLE = "CTE_FRASE_RAIZ";

    private static final String USAGE = String.join("\n",
            "cte-publicador: claves y firmas de guías, paquetes y capas estatales del CTE",
            "",
            "  clave --identidad \"Nombre <correo>\" --salida RUTA",
            "      crea un par de claves: RUTA.clave.asc (secreta, solo para su dueño) y RUTA.asc (pública)",
            "  certificar --raiz RAIZ.clave.asc --clave CLAVE.asc --publicador SEP|NN --desde AAAA-MM-DD"
                    + " --hasta AAAA-MM-DD",
            "      la raíz de la SEP certifica la clave pública de un publicador (SEP o la entidad NN) por un"
                    + " periodo;",
            "      reescribe CLAVE.asc con la certificación: es el archivo que se copia a etc/cte-trust/claves/",
            "  revocar --raiz RAIZ.clave.asc --clave CLAVE.asc [--motivo TEXTO]",
            "      la raíz revoca su certificación de esa clave (reescribe CLAVE.asc)",
            "  firmar --clave CLAVE.clave.asc ARCHIVO...",
            "      escribe ARCHIVO.asc, la firma OpenPGP separada de cada archivo",
            "  verificar --raiz SEP-RAIZ.asc --claves CARPETA --publicador SEP|NN ARCHIVO",
            "      comprueba ARCHIVO con ARCHIVO.asc como lo hace una instalación",
            "  publicar --canal CARPETA --clave CLAVE.clave.asc --publicador SEP|NN|PLATAFORMA [--nombre sep]",
            "           [--vigencia-dias 14] [--plataforma \"[0.1,1)\"] GUIA.jar...",
            "      valida cada guía, capa o paquete, lo firma, lo agrega a la carpeta del canal y firma de nuevo",
            "      su índice (channel.json) con una versión mayor y una nueva fecha de vencimiento; con",
            "      --publicador PLATAFORMA, publica versiones nuevas de los bundles de módulos (mx.cte.*)",
            "  renovar --canal CARPETA --clave CLAVE.clave.asc --publicador SEP|NN [--vigencia-dias 14]",
            "      firma de nuevo el índice con una nueva vigencia: un canal que no se renueva deja de instalarse",
            "",
            "Frases de paso: variable de entorno " + PASSPHRASE_VARIABLE + " (la clave que firma) y "
                    + ROOT_PASSPHRASE_VARIABLE + " (la raíz); sin ellas, claves sin frase.");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Clock clock;

    Publicador(PrintStream out, PrintStream err, Map<String, String> environment, Clock clock) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.clock = clock;
    }

    public static void main(String[] args) {
        int status = new Publicador(System.out, System.err, System.getenv(), Clock.systemUTC()).run(args);
        if (status != 0) {
            // Only on failure: a build that runs this inside Maven's own JVM (exec:java) must go on after success.
            System.exit(status);
        }
    }

    /** Usage and input errors, said to the user as they are. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    int run(String... args) {
        if (args.length == 0 || List.of("ayuda", "--ayuda", "-h", "--help").contains(args[0])) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            Arguments arguments = Arguments.parse(args);
            return switch (args[0]) {
                case "clave" -> key(arguments);
                case "certificar" -> certify(arguments);
                case "revocar" -> revoke(arguments);
                case "firmar" -> sign(arguments);
                case "verificar" -> verify(arguments);
                case "publicar" -> publish(arguments);
                case "renovar" -> renew(arguments);
                default -> throw new UsageException("orden desconocida: " + args[0] + " (vea: cte-publicador ayuda)");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private int key(Arguments arguments) throws UsageException, IOException {
        String identity = arguments.required("identidad");
        Path output = Path.of(arguments.required("salida"));
        Path secretFile = Path.of(output + ".clave.asc");
        Path publicFile = Path.of(output + ".asc");
        if (Files.exists(secretFile) || Files.exists(publicFile)) {
            throw new UsageException("ya existe " + secretFile + " o " + publicFile + "; no se sobrescribe una clave");
        }
        PGPSecretKeyRing secret = OpenPgp.generateKey(identity, clock.instant(), passphrase(PASSPHRASE_VARIABLE));
        writeSecret(secretFile, OpenPgp.armor(secret));
        write(publicFile, OpenPgp.armor(OpenPgp.publicRing(secret)));
        out.println("clave " + OpenPgp.fingerprint(secret.getPublicKey()) + " (" + identity + ")");
        out.println("  secreta: " + secretFile + " (guárdela fuera de la red; nunca se envía)");
        out.println("  pública: " + publicFile + " (envíela a la SEP para que la certifique)");
        return 0;
    }

    private int certify(Arguments arguments) throws UsageException, IOException {
        PGPSecretKeyRing root = rootKey(arguments);
        Path keyFile = arguments.path("clave");
        PGPPublicKeyRing key = onePublicKey(keyFile);
        String publisher = publisher(arguments.required("publicador"));
        Instant from = day(arguments.required("desde"), "desde");
        Instant until = day(arguments.required("hasta"), "hasta");
        if (!until.isAfter(from)) {
            throw new UsageException("--hasta debe ser posterior a --desde");
        }
        PGPPublicKeyRing certified = OpenPgp.certify(root, passphrase(ROOT_PASSPHRASE_VARIABLE), key, publisher, from,
                until);
        write(keyFile, OpenPgp.armor(certified));
        out.println("certificada " + OpenPgp.fingerprint(key.getPublicKey()) + " (" + OpenPgp.userId(key
                .getPublicKey()) + ") para " + publisher + " del " + arguments.required("desde") + " al "
                + arguments.required("hasta") + " por la raíz " + OpenPgp.fingerprint(root.getPublicKey()));
        out.println("  copie " + keyFile + " a etc/cte-trust/claves/ de cada instalación (o publíquela en el canal)");
        return 0;
    }

    private int revoke(Arguments arguments) throws UsageException, IOException {
        Path keyFile = arguments.path("clave");
        PGPPublicKeyRing key = onePublicKey(keyFile);
        write(keyFile, OpenPgp.armor(OpenPgp.revoke(rootKey(arguments), passphrase(ROOT_PASSPHRASE_VARIABLE), key,
                clock.instant(), arguments.optional("motivo", ""))));
        out.println("revocada " + OpenPgp.fingerprint(key.getPublicKey()) + " (" + OpenPgp.userId(key.getPublicKey())
                + "); copie " + keyFile + " a etc/cte-trust/claves/ de cada instalación");
        return 0;
    }

    private static PGPSecretKeyRing rootKey(Arguments arguments) throws UsageException, IOException {
        return OpenPgp.readSecretRing(Files.readAllBytes(arguments.path("raiz")));
    }

    private int sign(Arguments arguments) throws UsageException, IOException {
        PGPSecretKeyRing key = OpenPgp.readSecretRing(Files.readAllBytes(arguments.path("clave")));
        if (arguments.files().isEmpty()) {
            throw new UsageException("diga qué archivos firmar: cte-publicador firmar --clave CLAVE.clave.asc"
                    + " ARCHIVO...");
        }
        for (String name : arguments.files()) {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("no existe el archivo " + file);
            }
            Path signature = Path.of(name + ".asc");
            write(signature, OpenPgp.sign(key, passphrase(PASSPHRASE_VARIABLE), Files.readAllBytes(file),
                    clock.instant()));
            out.println("firmado " + file + " -> " + signature + " con " + OpenPgp.fingerprint(key.getPublicKey()));
        }
        return 0;
    }

    private int verify(Arguments arguments) throws UsageException, IOException {
        TrustStore store = TrustStore.load(arguments.path("raiz"), arguments.path("claves"));
        store.problems().forEach(problem -> err.println("aviso: " + problem));
        String publisher = publisher(arguments.required("publicador"));
        if (arguments.files().size() != 1) {
            throw new UsageException("diga un archivo que verificar");
        }
        Path file = Path.of(arguments.files().get(0));
        Path signature = Path.of(file + ".asc");
        TrustVerdict verdict = store.verify(Files.readAllBytes(file), Files.isRegularFile(signature)
                ? Files.readAllBytes(signature) : null, publisher, clock.instant());
        (verdict.trusted() ? out : err).println((verdict.trusted() ? "válido: " : "rechazado: ") + file + " "
                + verdict.reason());
        return verdict.trusted() ? 0 : 1;
    }

    private int publish(Arguments arguments) throws UsageException, IOException {
        if (arguments.files().isEmpty()) {
            throw new UsageException("diga qué jars publicar");
        }
        List<Path> jars = new ArrayList<>();
        for (String name : arguments.files()) {
            Path jar = Path.of(name);
            if (!Files.isRegularFile(jar)) {
                throw new UsageException("no existe el archivo " + jar);
            }
            jars.add(jar);
        }
        String platform = arguments.optional("plataforma", "[0.1,1)");
        if (!platform.strip().matches("[\\[(]\\d+(\\.\\d+){0,2},\\s*\\d+(\\.\\d+){0,2}[\\])]|\\d+(\\.\\d+){0,2}")) {
            throw new UsageException("--plataforma debe ser un rango de versiones OSGi como [0.1,1), no " + platform);
        }
        String publisher = publisher(arguments.required("publicador"));
        Path channel = Files.createDirectories(Path.of(arguments.required("canal")));
        ChannelFolder.publish(channel, arguments.optional("nombre", publisher.toLowerCase(java.util.Locale.ROOT)),
                publisher, OpenPgp.readSecretRing(Files.readAllBytes(arguments.path("clave"))),
                passphrase(PASSPHRASE_VARIABLE), jars, platform, validity(arguments), clock.instant())
                .forEach(out::println);
        return 0;
    }

    private int renew(Arguments arguments) throws UsageException, IOException {
        String publisher = publisher(arguments.required("publicador"));
        out.println(ChannelFolder.renew(arguments.path("canal"), arguments.optional("nombre",
                publisher.toLowerCase(java.util.Locale.ROOT)), publisher, OpenPgp.readSecretRing(Files.readAllBytes(
                        arguments.path("clave"))), passphrase(PASSPHRASE_VARIABLE), validity(arguments),
                clock.instant()));
        return 0;
    }

    private static java.time.Duration validity(Arguments arguments) throws UsageException {
        String days = arguments.optional("vigencia-dias", "14");
        try {
            int value = Integer.parseInt(days.strip());
            if (value < 1 || value > 366) {
                throw new NumberFormatException();
            }
            return java.time.Duration.ofDays(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--vigencia-dias debe ser un número de días entre 1 y 366, no " + days);
        }
    }

    private static PGPPublicKeyRing onePublicKey(Path file) throws IOException, UsageException {
        List<PGPPublicKeyRing> rings = OpenPgp.readPublicRings(Files.readAllBytes(file));
        if (rings.size() != 1) {
            throw new UsageException(file + " debe contener una sola clave pública; contiene " + rings.size());
        }
        return rings.get(0);
    }

    /** SEP, an entidad's two-digit code, or PLATAFORMA: the project's release key, which signs module updates. */
    static String publisher(String value) throws UsageException {
        String publisher = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!publisher.equals("SEP") && !publisher.equals(mx.cte.trust.api.PublisherTrust.PLATFORM)
                && !publisher.matches("(0[1-9]|[12][0-9]|3[0-2])")) {
            throw new UsageException("--publicador debe ser SEP, la clave de dos cifras de una entidad (01 a 32) o"
                    + " PLATAFORMA (las versiones de los módulos), no " + value);
        }
        return publisher;
    }

    private static Instant day(String value, String option) throws UsageException {
        try {
            return LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + option + " debe ser una fecha AAAA-MM-DD, no " + value);
        }
    }

    private char[] passphrase(String variable) {
        String value = environment.get(variable);
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }

    private static void write(Path file, byte[] content) throws IOException {
        ChannelFolder.write(file, content);
    }

    private static void writeSecret(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // a file system without POSIX permissions (Windows): the folder's own permissions apply
        }
    }

    /** {@code --name value} options and the plain file arguments after the command. */
    record Arguments(Map<String, String> options, List<String> files) {

        static Arguments parse(String[] args) throws UsageException {
            Map<String, String> options = new LinkedHashMap<>();
            List<String> files = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("falta el valor de " + args[i]);
                    }
                    options.put(args[i].substring(2), args[++i]);
                } else {
                    files.add(args[i]);
                }
            }
            return new Arguments(options, files);
        }

        String required(String name) throws UsageException {
            String value = options.get(name);
            if (value == null || value.isBlank()) {
                throw new UsageException("falta --" + name);
            }
            return value;
        }

        String optional(String name, String fallback) {
            return options.getOrDefault(name, fallback);
        }

        Path path(String name) throws UsageException {
            Path path = Path.of(required(name));
            if (!Files.exists(path)) {
                throw new UsageException("no existe " + path + " (--" + name + ")");
            }
            return path;
        }
    }
}
