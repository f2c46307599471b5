package mx.cte.guide.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A restart does not check again against the schema what it already found valid, and checks everything else. */
public class SchemaPassesTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private Path file() {
        return folder.getRoot().toPath().resolve("data").resolve(GuideRegistryImpl.SCHEMA_PASSES_FILE);
    }

    /** The registry's reader as a (re)started platform builds it. */
    private DescriptorReader started() {
        return new DescriptorReader(SchemaPasses.keptIn(file()));
    }

    @Test
    public void aDescriptorFoundValidIsReadAfterARestartWithoutTheSchemaValidator() {
        String descriptor = Descriptors.text("every-field.json");
        DescriptorReader first = started();
        DescriptorResult before = first.read(descriptor);
        assertTrue(before.problems().toString(), before.isValid());
        assertTrue(first.validatorBuilt());

        DescriptorReader restarted = started();
        DescriptorResult after = restarted.read(descriptor);

        assertTrue(after.problems().toString(), after.isValid());
        assertFalse("the validator was built for a descriptor already found valid", restarted.validatorBuilt());
        assertEquals(before.guide(), after.guide());
    }

    @Test
    public void aChangedDescriptorIsCheckedAgainstTheSchemaInFull() {
        started().read(Descriptors.text("minimal.json"));
        String changed = Descriptors.edited("minimal.json", guide -> guide.addProperty("version", "1.0"));

        DescriptorReader restarted = started();
        DescriptorResult result = restarted.read(changed);

        assertFalse(result.isValid());
        assertTrue(restarted.validatorBuilt());
        assertTrue(result.problems().toString(), result.problems().stream()
                .anyMatch(problem -> problem.path().equals("$.version")));
    }

    @Test
    public void aRefusedDescriptorIsNotRememberedAndIsRefusedAgain() throws Exception {
        String refused = Descriptors.edited("minimal.json", guide -> guide.addProperty("version", "1.0"));
        assertFalse(started().read(refused).isValid());

        assertFalse(Files.exists(file()) && !Files.readString(file()).isBlank());
        assertFalse(started().read(refused).isValid());
    }

    @Test
    public void theChecksTheSchemaCannotExpressStillRun() {
        String descriptor = Descriptors.edited("every-structure-2.json", guide -> guide.add("requires",
                Descriptors.json("{\"platform\": \"[2.0,3.0)\"}")));
        assertTrue(started().read(descriptor, null, "2.1.0").isValid());

        DescriptorReader restarted = started();
        DescriptorResult result = restarted.read(descriptor, null, "0.1.0.SNAPSHOT");

        assertFalse(restarted.validatorBuilt());
        assertFalse(result.isValid());
        assertTrue(result.problems().toString(), result.problems().stream()
                .anyMatch(problem -> problem.path().equals("$.requires.platform")));
    }

    @Test
    public void aDamagedFileOnlyCostsAFullCheck() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "no es un resumen\n" + "0".repeat(63) + "\n\u0000\u0001\n", StandardCharsets.UTF_8);

        DescriptorReader restarted = started();
        DescriptorResult result = restarted.read(Descriptors.text("minimal.json"));

        assertTrue(result.problems().toString(), result.isValid());
        assertTrue(restarted.validatorBuilt());
    }

    @Test
    public void theDigestCoversTheSchemaAndTheDescriptorApart() {
        assertNotEquals(SchemaPasses.digest("{\"a\": 1}", "{}"), SchemaPasses.digest("{\"a\": 2}", "{}"));
        assertNotEquals(SchemaPasses.digest("ab", "c"), SchemaPasses.digest("a", "bc"));
        assertEquals(SchemaPasses.digest("a", "b"), SchemaPasses.digest("a", "b"));
    }
}
