package mx.cte.guide.registry;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideProblem;
import mx.cte.guide.api.Participation;
import mx.cte.guide.api.PromptKind;
import mx.cte.guide.api.SectionKind;

/**
 * Reads a guide descriptor in three steps, stopping at the first that fails: well-formed JSON, valid against
 * {@code cte-guide.schema.json} (the same file the documentation describes), then the cross-references a schema cannot
 * express ({@link GuideConsistency}). Problems carry the JSON path of the offending value, its line
 * ({@link DescriptorLines}) and a Spanish message.
 */
final class DescriptorReader {

    static final String SCHEMA_RESOURCE = "cte-guide.schema.json";
    private static final Locale SPANISH = Locale.forLanguageTag("es-MX");

    private final Schema schema;
    /** The same schema as a tree, to read the description of a value whose pattern a descriptor missed. */
    private final JsonObject schemaTree;
    private final Gson gson;

    DescriptorReader() {
        String schemaText = schemaText();
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schemaText, InputFormat.JSON);
        this.schemaTree = JsonParser.parseString(schemaText).getAsJsonObject();
        this.gson = new GsonBuilder()
                .registerTypeAdapter(Participation.class, wireEnum(Participation::fromWireName))
                .registerTypeAdapter(PromptKind.class, wireEnum(PromptKind::fromWireName))
                .registerTypeAdapter(SectionKind.class, wireEnum(SectionKind::fromWireName))
                .create();
    }

    /** The schema the documentation describes, read once for the validator and for its descriptions. */
    private static String schemaText() {
        try (InputStream in = Guide.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Guide schema " + SCHEMA_RESOURCE + " missing from mx.cte.guide.api");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the author reads for a value the schema refuses: for a pattern, what the value must look like (the
     * schema's description of it) instead of the regular expression the validator quotes.
     */
    String messageOf(Error error) {
        if ("pattern".equals(error.getKeyword())) {
            Optional<String> description = descriptionAt(String.valueOf(error.getSchemaLocation()));
            if (description.isPresent()) {
                String value = error.getInstanceNode() == null ? "" : error.getInstanceNode().asText();
                return "«" + value + "» no tiene la forma esperada: " + description.get();
            }
        }
        return error.getMessage();
    }

    /** The description of the schema node whose keyword a location ({@code …#/$defs/slug/pattern}) names. */
    private Optional<String> descriptionAt(String schemaLocation) {
        int fragment = schemaLocation.indexOf('#');
        if (fragment < 0) {
            return Optional.empty();
        }
        String[] steps = schemaLocation.substring(fragment + 1).split("/");
        JsonElement node = schemaTree;
        for (int i = 0; i < steps.length - 1; i++) {
            if (steps[i].isEmpty()) {
                continue;
            }
            if (node.isJsonObject() && node.getAsJsonObject().has(steps[i])) {
                node = node.getAsJsonObject().get(steps[i]);
            } else if (node.isJsonArray() && steps[i].chars().allMatch(Character::isDigit)) {
                node = node.getAsJsonArray().get(Integer.parseInt(steps[i]));
            } else {
                return Optional.empty();
            }
        }
        return node.isJsonObject() && node.getAsJsonObject().has("description")
                ? Optional.of(node.getAsJsonObject().get("description").getAsString()) : Optional.empty();
    }

    private static <E extends Enum<E>> Object wireEnum(Function<String, E> parse) {
        return new WireEnumAdapter<>(parse);
    }

    /** Enums travel by their Spanish wire names; the schema has already checked the value. */
    private record WireEnumAdapter<E extends Enum<E>>(Function<String, E> parse) implements JsonDeserializer<E> {

        @Override
        public E deserialize(JsonElement json, Type type, JsonDeserializationContext context) {
            return parse.apply(json.getAsString());
        }
    }

    DescriptorResult read(String json) {
        DescriptorLines.Scan scan = DescriptorLines.scan(json);
        if (scan.syntaxProblem() != null) {
            return DescriptorResult.invalid(List.of(scan.syntaxProblem()));
        }
        DescriptorLines lines = scan.lines();
        JsonElement tree;
        try {
            JsonReader reader = new JsonReader(new StringReader(json));
            reader.setStrictness(Strictness.STRICT);
            tree = JsonParser.parseReader(reader);
        } catch (JsonParseException e) {
            // The scan above accepts what Gson does; kept so a difference between the two is still a clear refusal.
            return DescriptorResult.invalid(List.of(new GuideProblem("$",
                    "el descriptor no es JSON válido: " + describeSyntaxError(e))));
        }

        List<Error> errors = schema.validate(json, InputFormat.JSON,
                context -> context.executionConfig(config -> config.locale(SPANISH)));
        if (!errors.isEmpty()) {
            List<GuideProblem> problems = new ArrayList<>();
            for (Error error : errors) {
                problems.add(lines.locate(new GuideProblem(jsonPath(error.getInstanceLocation().toString()),
                        messageOf(error))));
            }
            return DescriptorResult.invalid(problems);
        }

        Guide guide = gson.fromJson(tree, Guide.class);
        List<GuideProblem> inconsistencies = GuideConsistency.check(guide).stream().map(lines::locate).toList();
        return inconsistencies.isEmpty() ? DescriptorResult.valid(guide) : DescriptorResult.invalid(inconsistencies);
    }

    /** Turns the validator's JSON Pointer ({@code /sections/0/id}) into the JSONPath the docs use ({@code $.sections[0].id}). */
    static String jsonPath(String pointer) {
        StringBuilder path = new StringBuilder("$");
        if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
            return path.toString();
        }
        if (pointer.startsWith("$")) {
            return pointer;
        }
        for (String segment : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append('.').append(name);
            }
        }
        return path.toString();
    }

    private static String describeSyntaxError(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // Gson appends a link to its troubleshooting guide; keep the part that says where.
        int see = message.indexOf("\nSee ");
        return see >= 0 ? message.substring(0, see) : message;
    }
}
