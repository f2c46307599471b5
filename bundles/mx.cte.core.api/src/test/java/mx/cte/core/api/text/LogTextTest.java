package mx.cte.core.api.text;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import org.junit.Test;

public class LogTextTest {

    @Test
    public void plainSpanishTextIsWrittenAsItIs() {
        String text = "Acuerdo de la Sesión: niñas y niños «lectura» 100 %";
        assertSame(text, LogText.of(text));
    }

    @Test
    public void controlAndBidiCharactersCannotForgeOrHideALogLine() {
        assertEquals("a\\u0000b", LogText.of("a\0b"));
        assertEquals("rojo\\u001b[31m", LogText.of("rojo\u001b[31m"));
        assertEquals("uno\\u000a2026-12-02 INFO falso", LogText.of("uno\n2026-12-02 INFO falso"));
        assertEquals("archivo\\u202egpj.exe", LogText.of("archivo\u202egpj.exe"));
        assertEquals("x\\u2028y\\u200bz", LogText.of("x\u2028y\u200bz"));
        assertEquals("null", LogText.of(null));
    }
}
