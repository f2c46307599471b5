package mx.cte.security.api;

import java.security.SecureRandom;

/** Passwords the platform generates: for demo accounts and for accounts an administrator creates. */
public final class Passwords {

    /** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** 16 random characters: about 92 bits, longer than {@link Accounts#MIN_PASSWORD_LENGTH}. */
    public static String random() {
        StringBuilder password = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
