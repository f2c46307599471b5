package mx.cte.trust.openpgp.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class MavenLocationTest {

    @Test
    public void aMvnLocationNamesItsFileInTheRepositoryLayout() {
        assertEquals("mx/cte/mx.cte.guides.sep.2016-2017.preescolar.ordinaria-3/1.0.0/"
                + "mx.cte.guides.sep.2016-2017.preescolar.ordinaria-3-1.0.0.jar",
                MavenLocation.parse("mvn:mx.cte/mx.cte.guides.sep.2016-2017.preescolar.ordinaria-3/1.0.0").path());
        assertEquals("org/x/a/2/a-2-c.zip", MavenLocation.parse("mvn:https://repo!org.x/a/2/zip/c").path());
    }

    @Test(expected = IllegalArgumentException.class)
    public void aLocationClimbingOutOfTheRepositoryIsNotOne() {
        MavenLocation.parse("mvn:../../etc/a/1");
    }
}
