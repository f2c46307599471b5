package mx.cte.itests;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.Test;
import org.junit.runners.Suite.SuiteClasses;

/** Failsafe runs only the suite: an integration test class left out of it would silently never run. */
public class CteIntegrationSuiteTest {

    @Test
    public void everyIntegrationTestClassIsInTheSuite() throws Exception {
        File folder = new File(CteIntegrationSuite.class.getResource("CteIntegrationSuite.class").toURI())
                .getParentFile();
        Set<String> compiled = new TreeSet<>();
        for (String name : folder.list((dir, file) -> file.endsWith("IT.class"))) {
            compiled.add(name.substring(0, name.length() - ".class".length()));
        }
        Set<String> listed = Arrays.stream(CteIntegrationSuite.class.getAnnotation(SuiteClasses.class).value())
                .map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals("add every *IT class to CteIntegrationSuite's @SuiteClasses", compiled, listed);
    }
}
