package mx.cte.schools.api;

import java.text.Normalizer;
import java.util.Locale;

/** Comparison of Spanish words as people type them: without accents, case or extra spaces. */
final class Texts {

    private Texts() {
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ");
    }
}
