package mx.cte.core.api.names;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class WireNamesTest {

    enum Light implements WireNamed {
        GREEN("verde"), YELLOW("amarillo"), RED("rojo");

        private final String wireName;

        Light(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    @Test
    public void readsAWireNameBackOrSaysWhichFieldAndValuesAreAccepted() {
        assertSame(Light.YELLOW, WireNames.parse(Light.class, "amarillo", "color", "un color"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> WireNames.parse(Light.class, "Verde", "color", "un color"));
        assertEquals("color: 'Verde' no es un color; use verde, amarillo o rojo", unknown.getMessage());
    }
}
