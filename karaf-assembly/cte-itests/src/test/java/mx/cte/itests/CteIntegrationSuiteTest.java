package mx.cte.itests;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.junit.runners.Suite.SuiteClasses;

/** Failsafe runs the Pax Exam tests through the suite: a Pax Exam class left out of it would silently never run. */
public class CteIntegrationSuiteTest {

    @Test
    public void everyIntegrationTestClassIsInTheSuite() throws Exception {
        File folder = new File(CteIntegrationSuite.class.getResource("CteIntegrationSuite.class").toURI())
                .getParentFile();
        Set<String> compiled = new TreeSet<>();
        for (String name : folder.list((dir, file) -> file.endsWith("IT.class"))) {
            String simpleName = name.substring(0, name.length() - ".class".length());
            RunWith runner = Class.forName("mx.cte.itests." + simpleName).getAnnotation(RunWith.class);
            // Tests that drive a distribution process of their own (kill, restart, backup) run outside the suite.
            if (runner != null && runner.value() == PaxExam.class) {
                compiled.add(simpleName);
            }
        }
        Set<String> listed = Arrays.stream(CteIntegrationSuite.class.getAnnotation(SuiteClasses.class).value())
                .map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals("add every *IT class to CteIntegrationSuite's @SuiteClasses", compiled, listed);
    }
}
