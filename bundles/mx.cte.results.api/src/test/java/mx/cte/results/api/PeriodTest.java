package mx.cte.results.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class PeriodTest {

    @Test
    public void monthsAndBimestersOfASchoolYear() {
        assertEquals("noviembre de 2016", new Period("2016-11").displayName());
        assertEquals("bimestre 2 del ciclo 2016-2017", new Period(" 2016-2017-b2 ").displayName());
        for (String bad : new String[] {"2016-13", "noviembre", "2016-2018-b2", "2016-2017-b6", ""}) {
            assertThrows(bad, IllegalArgumentException.class, () -> new Period(bad));
        }
    }
}
