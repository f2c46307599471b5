package mx.cte.guide.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideProblem;

/**
 * Checks guide descriptors outside the platform, with exactly the checks the registry applies: guide authors run it
 * (the guide bundles' build does) before anything is installed. Product types are not checked here: which are
 * present depends on the modules installed where the guide goes.
 *
 * <pre>java -cp … mx.cte.guide.registry.GuideDescriptorCheck guide/guide.json [more.json…]</pre>
 *
 * Exits with 1 and one line per problem ({@code file:line: $.path: message}, as compilers print them, so editors jump
 * to the line) if any descriptor is invalid.
 */
public final class GuideDescriptorCheck {

    private GuideDescriptorCheck() {
    }

    /**
     * The problems the registry would refuse a descriptor for, one line each ({@code line: $.path: message}); empty
     * when it is valid. {@code exists} says whether a file the descriptor names (an image) is beside it.
     */
    public static java.util.List<String> problems(String descriptor, java.util.function.Predicate<String> exists) {
        DescriptorResult result = new DescriptorReader().read(descriptor, exists, null);
        return result.problems().stream().map(problem -> (problem.line() > 0 ? problem.line() + ": " : "")
                + problem.path() + ": " + problem.message()).toList();
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("Uso: GuideDescriptorCheck descriptor.json [otro.json…]");
            System.exit(2);
        }
        boolean allValid = true;
        DescriptorReader reader = new DescriptorReader();
        for (String arg : args) {
            Path file = Path.of(arg);
            Path folder = file.toAbsolutePath().getParent();
            DescriptorResult result = reader.read(Files.readString(file, StandardCharsets.UTF_8),
                    src -> Files.isRegularFile(folder.resolve(src)), null);
            if (result.isOverlay()) {
                System.out.println(file + ": capa " + result.describe() + " válida, " + result.overlay().changes().size()
                        + " cambios (se comprueba contra la guía base al instalarse)");
            } else if (result.isValid()) {
                Guide guide = result.guide();
                System.out.println(file + ": guía " + guide.id().key() + " edición " + guide.version() + " válida, "
                        + guide.activities().size() + " actividades, tipos de producto " + guide.productTypes());
            } else {
                allValid = false;
                for (GuideProblem problem : result.problems()) {
                    System.err.println(file + ":" + (problem.line() > 0 ? problem.line() + ":" : "") + " "
                            + problem.path() + ": " + problem.message());
                }
            }
        }
        if (!allValid) {
            System.exit(1);
        }
    }
}
