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
import java.util.function.Predicate;
import mx.cte.guide.api.Block;
import mx.cte.guide.api.FieldKind;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideProblem;
import mx.cte.guide.api.Participation;
import mx.cte.guide.api.PromptKind;
import mx.cte.guide.api.SectionKind;

/**
 * Reads a guide descriptor in three steps, stopping at the first that fails: well-formed JSON, valid against the
 * schema of its format ({@code cte-guide.schema.json} for format 1, {@code cte-guide-2.schema.json} for format 2, the
 * same files the documentation describes), then the cross-references a schema cannot express
 * ({@link GuideConsistency}). Both formats are read into one model ({@link DescriptorShape}). Problems carry the JSON
 * path of the offending value, its line
 * ({@link DescriptorLines}) and a Spanish message.
 */
final class DescriptorReader {

    static final String SCHEMA_RESOURCE = "cte-guide.schema.json";
    static final String SCHEMA_2_RESOURCE = "cte-guide-2.schema.json";
    private static final Locale SPANISH = Locale.forLanguageTag("es-MX");

    /**
     * One descriptor format: its schema's text, and built from it when first needed (a descriptor not yet found valid
     * against this text), the validator and the tree the descriptions of its values are read from.
     */
    private static final class Format {
        final String text;
        private Schema schema;
        private JsonObject tree;

        Format(String resource) {
            this.text = schemaText(resource);
        }

        synchronized Schema schema() {
            if (schema == null) {
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema(text, InputFormat.JSON);
            }
            return schema;
        }

        synchronized JsonObject tree() {
            if (tree == null) {
                tree = JsonParser.parseString(text).getAsJsonObject();
            }
            return tree;
        }

        synchronized boolean validatorBuilt() {
            return schema != null;
        }
    }

    private final Format format1;
    private final Format format2;
    private final SchemaPasses passes;
    private final Gson gson;

    /** A reader that remembers the descriptors it found valid while it lives. */
    DescriptorReader() {
        this(SchemaPasses.inMemory());
    }

    DescriptorReader(SchemaPasses passes) {
        this.format1 = new Format(SCHEMA_RESOURCE);
        this.format2 = new Format(SCHEMA_2_RESOURCE);
        this.passes = passes;
        this.gson = new GsonBuilder()
                .registerTypeAdapter(PromptKind.class, wireEnum(PromptKind::fromWireName))
                .registerTypeAdapter(SectionKind.class, wireEnum(SectionKind::fromWireName))
                .registerTypeAdapter(FieldKind.class, wireEnum(FieldKind::fromWireName))
                .registerTypeAdapter(Participation.class, new ParticipationAdapter())
                .registerTypeAdapter(Block.class, new BlockAdapter())
                .create();
    }

    /** Whether this reader has had to build a schema validator (for the tests of {@link SchemaPasses}). */
    boolean validatorBuilt() {
        return format1.validatorBuilt() || format2.validatorBuilt();
    }

    /** A schema the documentation describes, read once for the validator and for its descriptions. */
    private static String schemaText(String resource) {
        try (InputStream in = Guide.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Guide schema " + resource + " missing from mx.cte.guide.api");
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
    private static String messageOf(Error error, JsonObject schemaTree) {
        if ("pattern".equals(error.getKeyword())) {
            Optional<String> description = descriptionAt(schemaTree, String.valueOf(error.getSchemaLocation()));
            if (description.isPresent()) {
                String value = error.getInstanceNode() == null ? "" : error.getInstanceNode().asText();
                return "«" + value + "» no tiene la forma esperada: " + description.get();
            }
        }
        return error.getMessage();
    }

    /** The description of the schema node whose keyword a location ({@code …#/$defs/slug/pattern}) names. */
    private static Optional<String> descriptionAt(JsonObject schemaTree, String schemaLocation) {
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
        return read(json, null, null);
    }

    /**
     * Reads a descriptor whose bundle (or folder) can be asked for the files its text shows.
     *
     * @param shipped  whether a path beside the descriptor names a file; null when that cannot be known
     * @param platform the version of the platform reading it, checked against the guide's requirement; null when
     *                 it is read outside the platform
     */
    DescriptorResult read(String json, Predicate<String> shipped, String platform) {
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

        JsonElement version = tree.isJsonObject() ? tree.getAsJsonObject().get("schemaVersion") : null;
        int schemaVersion = version != null && version.isJsonPrimitive() && version.getAsJsonPrimitive().isNumber()
                ? version.getAsInt() : 0;
        Format format = schemaVersion == 2 ? format2 : format1;
        if (schemaVersion != 1 && schemaVersion != 2 && tree.isJsonObject()) {
            return DescriptorResult.invalid(List.of(lines.locate(new GuideProblem("$.schemaVersion",
                    (version == null ? "falta schemaVersion" : "el formato " + version + " no existe")
                            + ": escriba \"schemaVersion\": 2 (formato actual) o 1 (guías escritas antes)"))));
        }
        String digest = SchemaPasses.digest(format.text, json);
        if (!passes.contains(digest)) {
            List<Error> errors = format.schema().validate(json, InputFormat.JSON,
                    context -> context.executionConfig(config -> config.locale(SPANISH)));
            if (!errors.isEmpty()) {
                List<GuideProblem> problems = new ArrayList<>();
                for (Error error : errors) {
                    if (isBranchSummary(error)) {
                        continue;
                    }
                    problems.add(lines.locate(new GuideProblem(jsonPath(error.getInstanceLocation().toString()),
                            messageOf(error, format.tree()))));
                }
                return DescriptorResult.invalid(problems);
            }
            passes.add(digest);
        }

        if (tree.getAsJsonObject().has("base")) {
            DescriptorShape.Shaped overlay = DescriptorShape.fromOverlay(tree.getAsJsonObject());
            if (!overlay.problems().isEmpty()) {
                return DescriptorResult.invalid(overlay.problems().stream().map(lines::locate).toList());
            }
            Overlay read = gson.fromJson(overlay.descriptor(), Overlay.class);
            if (read.publisher().isNational() || read.publisher().code().equals(read.base().publisher())) {
                return DescriptorResult.invalid(List.of(lines.locate(new GuideProblem("$.publisher.code",
                        "una capa la publica una entidad (01 a 32) sobre la guía de otro editor; '"
                                + read.publisher().code() + "' no puede publicar una capa sobre una guía de '"
                                + read.base().publisher() + "'"))));
            }
            return DescriptorResult.validOverlay(read);
        }
        JsonObject shaped;
        if (schemaVersion == 1) {
            shaped = DescriptorShape.fromFormat1(tree.getAsJsonObject());
        } else {
            DescriptorShape.Shaped result = DescriptorShape.fromFormat2(tree.getAsJsonObject());
            if (!result.problems().isEmpty()) {
                return DescriptorResult.invalid(result.problems().stream().map(lines::locate).toList());
            }
            shaped = result.descriptor();
        }
        Guide guide = gson.fromJson(shaped, Guide.class);
        List<GuideProblem> inconsistencies = GuideConsistency.check(guide, shipped, platform).stream()
                .map(lines::locate).toList();
        return inconsistencies.isEmpty() ? DescriptorResult.valid(guide) : DescriptorResult.invalid(inconsistencies);
    }

    /**
     * An if/then/else reports its failed branch and, again, that the branch failed; the author needs only the first,
     * which names the value and what is wrong with it.
     */
    private static boolean isBranchSummary(Error error) {
        String keyword = error.getKeyword();
        return "if".equals(keyword) || "then".equals(keyword) || "else".equals(keyword);
    }

    /** A participation: a common one by its id, or any other with its own label. */
    private static final class ParticipationAdapter implements JsonDeserializer<Participation> {

        @Override
        public Participation deserialize(JsonElement json, Type type, JsonDeserializationContext context) {
            if (json.isJsonPrimitive()) {
                return Participation.common(json.getAsString());
            }
            JsonObject object = json.getAsJsonObject();
            return new Participation(object.get("id").getAsString(), object.get("label").getAsString());
        }
    }

    /** A block of running text: a string is a paragraph, an object says what it is by its {@code type}. */
    private static final class BlockAdapter implements JsonDeserializer<Block> {

        @Override
        public Block deserialize(JsonElement json, Type type, JsonDeserializationContext context) {
            if (json.isJsonPrimitive()) {
                return new Block.Paragraph(json.getAsString());
            }
            JsonObject object = json.getAsJsonObject();
            Class<? extends Block> kind = Block.ofWireType(object.get("type").getAsString()).orElseThrow(() ->
                    new JsonParseException("Tipo de bloque desconocido: " + object.get("type")));
            return context.deserialize(object, kind);
        }
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
