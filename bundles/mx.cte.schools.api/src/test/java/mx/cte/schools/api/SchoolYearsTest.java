package mx.cte.schools.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import org.junit.Test;

public class SchoolYearsTest {

    @Test
    public void aSchoolYearRunsFromAugustToTheEndOfJuly() {
        assertEquals("2026-2027", SchoolYears.of(LocalDate.of(2026, 8, 1)));
        assertEquals("2026-2027", SchoolYears.of(LocalDate.of(2027, 7, 31)));
        assertEquals("2025-2026", SchoolYears.of(LocalDate.of(2026, 7, 31)));
        assertEquals(LocalDate.of(2027, 7, 31), SchoolYears.end(SchoolYears.of(LocalDate.of(2026, 12, 4))));
        assertTrue(SchoolYears.problem("2019-2021").isPresent());
    }
}
