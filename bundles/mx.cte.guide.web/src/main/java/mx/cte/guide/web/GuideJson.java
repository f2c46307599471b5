package mx.cte.guide.web;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import mx.cte.core.http.PublicDocument;
import mx.cte.guide.api.Block;
import mx.cte.guide.api.EditionChoice;
import mx.cte.guide.api.FieldKind;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideProblem;
import mx.cte.guide.api.GuideSource;
import mx.cte.guide.api.GuideStatus;
import mx.cte.guide.api.ProductTypeInfo;
import mx.cte.guide.api.PromptKind;
import mx.cte.guide.api.RefusedGuide;
import mx.cte.guide.api.SectionKind;

/**
 * JSON forms of the registry's objects. A guide is served in the shape of format 2 of its descriptor (same member
 * names, Spanish enum values, paragraphs as strings and other blocks with their {@code type}), whatever format it was
 * written in; each activity carries its key ({@code number}) and its printed numbering ({@code label}), and each
 * participation its {@code id} and the {@code label} to show.
 */
final class GuideJson {

    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .registerTypeHierarchyAdapter(Block.class, (JsonSerializer<Block>) (block, type, context) -> block(block))
            .registerTypeAdapter(PromptKind.class,
                    (JsonSerializer<PromptKind>) (value, type, context) -> new JsonPrimitive(value.wireName()))
            .registerTypeAdapter(SectionKind.class,
                    (JsonSerializer<SectionKind>) (value, type, context) -> new JsonPrimitive(value.wireName()))
            .registerTypeAdapter(FieldKind.class,
                    (JsonSerializer<FieldKind>) (value, type, context) -> new JsonPrimitive(value.wireName()))
            .create();

    private static final Gson RECORDS = new GsonBuilder().disableHtmlEscaping().create();

    private GuideJson() {
    }

    /** A paragraph is a string, as authors write it; any other block an object that says its type first. */
    private static JsonElement block(Block block) {
        if (block instanceof Block.Paragraph paragraph) {
            return new JsonPrimitive(paragraph.text());
        }
        JsonObject object = new JsonObject();
        object.addProperty("type", block.wireType());
        RECORDS.toJsonTree(block).getAsJsonObject().entrySet().forEach(e -> object.add(e.getKey(), e.getValue()));
        return object;
    }

    /**
     * Every guide with its editions, the edition chosen for it and, when another serves in its place, why
     * ({@code fallback}); then the refused bundles.
     */
    static JsonObject catalog(List<GuideEdition> editions, List<RefusedGuide> refused,
            Function<GuideId, Optional<EditionChoice>> choices) {
        Map<String, JsonObject> guides = new TreeMap<>();
        for (GuideEdition edition : editions) {
            JsonObject guide = guides.computeIfAbsent(edition.key(), key -> {
                JsonObject summary = guideSummary(edition);
                Optional<EditionChoice> choice = choices.apply(edition.guide().id());
                summary.addProperty("chosenVersion", choice.map(EditionChoice::chosenVersion).orElse(null));
                summary.addProperty("fallback", choice.filter(EditionChoice::isFallback)
                        .map(EditionChoice::fallbackReason).orElse(null));
                return summary;
            });
            guide.getAsJsonArray("editions").add(editionSummary(edition));
            if (edition.status() == GuideStatus.ACTIVE) {
                guide.addProperty("activeVersion", edition.version());
                guide.addProperty("status", GuideStatus.ACTIVE.wireName());
                guide.addProperty("title", edition.guide().title());
            }
        }
        JsonArray guideArray = new JsonArray();
        guides.values().forEach(guideArray::add);
        JsonObject body = new JsonObject();
        body.add("guides", guideArray);
        body.add("refused", refused(refused));
        return body;
    }

    private static JsonObject guideSummary(GuideEdition newest) {
        JsonObject guide = new JsonObject();
        guide.addProperty("key", newest.key());
        guide.add("id", GSON.toJsonTree(newest.guide().id()));
        guide.addProperty("title", newest.guide().title());
        guide.add("publisher", GSON.toJsonTree(newest.guide().publisher()));
        // Overwritten by the active edition, if there is one.
        guide.addProperty("status", GuideStatus.UNSATISFIED.wireName());
        guide.add("activeVersion", JsonNull.INSTANCE);
        guide.add("editions", new JsonArray());
        return guide;
    }

    static JsonObject editionSummary(GuideEdition edition) {
        JsonObject summary = new JsonObject();
        summary.addProperty("version", edition.version());
        summary.addProperty("status", edition.status().wireName());
        summary.add("missingProductTypes", strings(edition.missingProductTypes()));
        // What its activities yield, so a page offers only the documents this edition can have.
        summary.add("productTypes", strings(new java.util.TreeSet<>(edition.guide().productTypes())));
        // What it needs beyond its types, so that an administrator compares it with GET /api/v1/product-types.
        summary.add("requires", GSON.toJsonTree(edition.guide().requires()));
        summary.addProperty("activities", edition.guide().activities().size());
        summary.add("bundle", source(edition.source()));
        return summary;
    }

    /**
     * An edition's whole document, encoded once: kept while the same edition is installed, so serving a guide costs a
     * copy of bytes. Read without a lock: every school of a node reads the same guide at once on a CTE day, and a
     * {@code compute} on one key made them queue behind each other (docs/performance.md).
     */
    static PublicDocument editionDocument(GuideEdition edition, java.util.Map<String, SerializedGuide> serialized) {
        String key = edition.key() + "@" + edition.version();
        SerializedGuide kept = serialized.get(key);
        if (kept != null && kept.edition() == edition) {
            return kept.document();
        }
        // Another edition instance (the registry's state changed): the same document when its summary is unchanged.
        JsonObject head = editionSummary(edition);
        head.addProperty("key", edition.key());
        String headText = GSON.toJson(head);
        PublicDocument document = kept != null && kept.edition().guide() == edition.guide()
                && kept.head().equals(headText) ? kept.document()
                        : PublicDocument.of(headText.substring(0, headText.length() - 1) + ",\"guide\":"
                                + GSON.toJson(GSON.toJsonTree(edition.guide())) + "}");
        serialized.put(key, new SerializedGuide(edition, headText, document));
        return document;
    }

    /** An edition's document as encoded for that edition instance, with the summary it was encoded with. */
    record SerializedGuide(GuideEdition edition, String head, PublicDocument document) {
    }

    static JsonArray refused(List<RefusedGuide> refused) {
        JsonArray array = new JsonArray();
        for (RefusedGuide refusal : refused) {
            JsonObject item = new JsonObject();
            item.add("bundle", source(refusal.source()));
            JsonArray problems = new JsonArray();
            for (GuideProblem problem : refusal.problems()) {
                JsonObject p = new JsonObject();
                p.addProperty("path", problem.path());
                if (problem.line() > 0) {
                    p.addProperty("line", problem.line());
                }
                p.addProperty("message", problem.message());
                problems.add(p);
            }
            item.add("problems", problems);
            array.add(item);
        }
        return array;
    }

    static JsonObject productTypes(List<ProductTypeInfo> types) {
        JsonArray array = new JsonArray();
        for (ProductTypeInfo type : types) {
            array.add(GSON.toJsonTree(type));
        }
        JsonObject body = new JsonObject();
        body.add("productTypes", array);
        return body;
    }

    private static JsonObject source(GuideSource source) {
        JsonObject bundle = new JsonObject();
        bundle.addProperty("id", source.bundleId());
        bundle.addProperty("symbolicName", source.symbolicName());
        bundle.addProperty("version", source.bundleVersion());
        bundle.addProperty("descriptor", source.descriptor());
        return bundle;
    }

    private static JsonElement strings(Iterable<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
