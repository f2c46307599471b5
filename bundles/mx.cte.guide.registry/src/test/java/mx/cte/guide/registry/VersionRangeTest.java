package mx.cte.guide.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class VersionRangeTest {

    @Test
    public void anIntervalHoldsWhatItsBracketsSay() {
        VersionRange range = VersionRange.parse("[1.0,2.0)");
        assertTrue(range.includes("1.0.0"));
        assertTrue(range.includes("1.9.9"));
        assertFalse(range.includes("2.0.0"));
        assertFalse(range.includes("0.9"));
        assertTrue(VersionRange.parse("( 1 , 2 ]").includes("2"));
        assertFalse(VersionRange.parse("(1,2]").includes("1.0.0"));
    }

    @Test
    public void aBareVersionMeansThatOneOrLater() {
        assertTrue(VersionRange.parse("1.2").includes("1.2.0"));
        assertTrue(VersionRange.parse("1.2").includes("7.0.0"));
        assertFalse(VersionRange.parse("1.2").includes("1.1.9"));
        assertEquals("1.2", VersionRange.parse(" 1.2 ").toString());
    }

    @Test
    public void aDevelopmentBuildCountsAsTheReleaseItLeadsTo() {
        assertTrue(VersionRange.parse("[0.1,1)").includes("0.1.0.SNAPSHOT"));
        assertFalse(VersionRange.parse("[0.2,1)").includes("0.1.0.SNAPSHOT"));
    }

    @Test
    public void aRangeThatHoldsNothingIsSaidToBeEmpty() {
        assertTrue(VersionRange.parse("[2.0,1.0)").isEmpty());
        assertTrue(VersionRange.parse("(1.0,1.0]").isEmpty());
        assertFalse(VersionRange.parse("[1.0,1.0]").isEmpty());
    }
}
