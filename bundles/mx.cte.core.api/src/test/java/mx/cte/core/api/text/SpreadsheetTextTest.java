package mx.cte.core.api.text;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class SpreadsheetTextTest {

    @Test
    public void aCellThatWouldRunAsAFormulaIsShownAsText() {
        for (String formula : new String[] {"=1+1", "+52 55", "-3", "@SUM(A1)", "\t=1", "\r=1"}) {
            assertEquals("'" + formula, SpreadsheetText.defused(formula));
        }
        assertEquals("Lectura diaria = 15 min", SpreadsheetText.defused("Lectura diaria = 15 min"));
        assertEquals("", SpreadsheetText.defused(null));
    }
}
