package mx.cte.core.api.names;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Optional;
import mx.cte.core.api.errors.TextFields;
import org.junit.Test;

public class TextFieldsTest {

    @Test
    public void namesTheFieldOfAnEmptyOrTooLongTextAndStripsAGoodOne() {
        assertEquals(Optional.of("titulo: no puede quedar vacío"), TextFields.problem("titulo", "  ", 10, true));
        assertEquals(Optional.empty(), TextFields.problem("nota", null, 10, false));
        assertEquals(Optional.of("nota: tiene 11 caracteres; el máximo es 10"),
                TextFields.problem("nota", " 12345678901 ", 10, false));
        assertEquals("hola", TextFields.checked("nota", " hola ", 10, true));
        assertEquals("texto: no puede quedar vacío", assertThrows(IllegalArgumentException.class,
                () -> TextFields.checked("texto", "", 10, true)).getMessage());
    }

    @Test
    public void refusesInvisibleControlCharactersNamingWhere() {
        assertEquals(Optional.of("texto: contiene un carácter de control invisible (U+0000) en la posición 3; quítelo"),
                TextFields.problem("texto", "ab\0c", 10, true));
        assertEquals(Optional.of("texto: contiene un carácter de control invisible (U+001B) en la posición 1; quítelo"),
                TextFields.problem("texto", "\u001b[31m", 10, true));
        assertEquals(Optional.of("titulo: contiene un carácter de control invisible (U+202E) en la posición 5; quítelo"),
                TextFields.problem("titulo", "foto\u202egpj.exe", 20, true));
        assertEquals(Optional.empty(), TextFields.problem("texto", "uno\ndos\ttres", 20, true));
    }
}
