import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * Run once by bin/setenv at first start (java bin/cte-admin-key.java <private key> <keys.properties> <user> <group>):
 * creates the key pair with which bin/client signs the administrator in, since etc/users.properties keeps only a
 * hash of the password. The private key goes to a file readable by its owner only; the public key is added to
 * etc/keys.properties, which Karaf's public-key login reads.
 */
public final class CteAdminKey {

    public static void main(String[] args) throws Exception {
        Path privateKey = Path.of(args[0]);
        Path keys = Path.of(args[1]);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.deleteIfExists(privateKey);
        Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateKey, pem);
        String line = "\n# CTE administrator's key for bin/client, created at first start\n" + args[2] + " = "
                + Base64.getEncoder().encodeToString(openSshBlob((RSAPublicKey) pair.getPublic())) + "," + args[3]
                + "\n";
        Files.writeString(keys, line, StandardOpenOption.APPEND);
    }

    /** The public key as OpenSSH writes it after "ssh-rsa" in a .pub file (RFC 4253, section 6.6). */
    private static byte[] openSshBlob(RSAPublicKey key) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        byte[] type = "ssh-rsa".getBytes(StandardCharsets.US_ASCII);
        out.writeInt(type.length);
        out.write(type);
        for (BigInteger number : new BigInteger[] {key.getPublicExponent(), key.getModulus()}) {
            byte[] mpint = number.toByteArray();
            out.writeInt(mpint.length);
            out.write(mpint);
        }
        return bytes.toByteArray();
    }
}
