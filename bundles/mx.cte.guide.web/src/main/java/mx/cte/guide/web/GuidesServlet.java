package mx.cte.guide.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.servlet.Servlet;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.RoutedServlet;
import mx.cte.core.http.Routes;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Read-only guide API.
 * <ul>
 * <li>{@code GET /api/v1/guides[?nivel=primaria[&modalidad=indigena]]}: every guide (or those offered to a school of
 * that level and modality) with status and editions, and the refused guide bundles;</li>
 * <li>{@code GET /api/v1/guides/{key}}: the active edition of a guide, whole;</li>
 * <li>{@code GET /api/v1/guides/{key}/versions}: its editions;</li>
 * <li>{@code GET /api/v1/guides/{key}/versions/{version}}: one edition whole, active or not, so that work captured
 * under an older edition stays readable;</li>
 * <li>{@code GET /api/v1/guides/{key}[/versions/{version}]/imagen?ruta=imagenes/figura.png}: an image the edition's
 * text shows, from its guide bundle (only the images the guide names).</li>
 * </ul>
 * Each edition's document is kept encoded with its {@code ETag} ({@link GuideJson#editionDocument}): a school that
 * already has it gets {@code 304}, and serving it costs no serialisation. Choosing the active edition is a publisher's
 * or an administrator's action ({@code /api/v1/guide-activations}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-guides")
@HttpWhiteboardServletPattern({"/api/v1/guides", "/api/v1/guides/*"})
public final class GuidesServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient GuideRegistry registry;
    /** Each installed edition's guide as JSON, serialized once (by edition key and version). */
    private final transient java.util.Map<String, GuideJson.SerializedGuide> serialized =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Activate
    public GuidesServlet(@Reference GuideRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected Routes table() {
        return Routes.builder()
                .get("/", this::catalog)
                .get("/{clave}", this::active)
                .get("/{clave}/versions", this::editions)
                .get("/{clave}/versions/{edicion}", this::edition)
                .get("/{clave}/imagen", this::activeImage)
                .get("/{clave}/versions/{edicion}/imagen", this::editionImage)
                .build();
    }

    /**
     * Every guide; with {@code ?nivel=primaria}, the guides a school of that level is offered: those of its level and
     * those written for every level ({@code básica}), accents and case aside; with {@code &modalidad=indigena,multigrado}
     * too, only those written for every modality or for one of the school's (a CAM, {@code especial}, is also offered
     * the guides written for special education at any level).
     */
    private void catalog(ApiCall call) throws IOException {
        Optional<String> level = call.query("nivel", GuidesServlet::level);
        List<String> modalities = call.query("modalidad", GuidesServlet::modalities).orElse(List.of());
        List<GuideEdition> editions = registry.editions().stream()
                .filter(e -> e.guide().isFor(level.orElse(null), modalities)).toList();
        call.ok(GuideJson.catalog(editions, registry.refused(), registry::choice));
    }

    private static final java.util.regex.Pattern LEVEL = java.util.regex.Pattern.compile("[\\p{L}-]{2,40}");

    private static String level(String text) {
        if (!LEVEL.matcher(text).matches()) {
            throw ProblemException.badField("nivel", "El nivel '" + text + "' no es un nivel educativo: por"
                    + " ejemplo inicial, preescolar, primaria, secundaria o básica.");
        }
        return folded(text);
    }

    private static final List<String> MODALITIES = List.of("general", "indigena", "multigrado", "telesecundaria",
            "comunitaria", "especial");

    /** The school's modalities, comma-separated: {@code indigena,multigrado}. */
    private static List<String> modalities(String text) {
        List<String> modalities = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            String modality = folded(part.strip());
            if (!MODALITIES.contains(modality)) {
                throw ProblemException.badField("modalidad", "La modalidad '" + part.strip() + "' no es una"
                        + " modalidad de escuela: general, indígena, multigrado, telesecundaria, comunitaria o especial.");
            }
            modalities.add(modality);
        }
        return modalities;
    }

    private static String folded(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** The guide's editions, or a 404 when none is installed. */
    private List<GuideEdition> installed(GuideId id) {
        List<GuideEdition> editions = registry.editions(id);
        if (editions.isEmpty()) {
            throw ProblemException.notFound("No hay ninguna guía instalada con la clave " + id.key() + ".");
        }
        return editions;
    }

    private void active(ApiCall call) throws IOException {
        GuideId id = call.path("clave", GuideId::parse);
        GuideEdition active = registry.active(id).orElseThrow(() -> ProblemException.notFound("La guía " + id.key()
                + " no tiene edición activa: ninguna de sus ediciones tiene instalados todos sus tipos de producto"
                + " (faltan " + installed(id).get(0).missingProductTypes() + ")."));
        JsonResponses.writeRevalidated(call.request(), call.response(), GuideJson.editionDocument(active, serialized));
    }

    private void activeImage(ApiCall call) throws IOException {
        GuideId id = call.path("clave", GuideId::parse);
        GuideEdition active = registry.active(id).orElseThrow(() -> ProblemException.notFound("La guía " + id.key()
                + " no tiene edición activa."));
        image(call, active);
    }

    private void editionImage(ApiCall call) throws IOException {
        GuideId id = call.path("clave", GuideId::parse);
        String version = call.path("edicion");
        image(call, registry.edition(id, version).orElseThrow(() -> ProblemException.notFound("La guía " + id.key()
                + " no tiene instalada la edición " + version + ".")));
    }

    private static final java.util.Map<String, String> IMAGE_TYPES = java.util.Map.of("png", "image/png", "jpg",
            "image/jpeg", "jpeg", "image/jpeg", "svg", "image/svg+xml", "webp", "image/webp", "gif", "image/gif");

    /** An image of an edition, cached by the browser for as long as the edition is the same (its bytes cannot change). */
    private void image(ApiCall call, GuideEdition edition) throws IOException {
        String path = call.query("ruta").orElseThrow(() -> ProblemException.badField("ruta",
                "Falta el parámetro ruta: la ruta de la imagen tal como la escribe la guía, p. ej. imagenes/figura.png."));
        java.net.URL file = registry.file(edition.guide().id(), edition.version(), path).orElseThrow(() ->
                ProblemException.notFound("La edición " + edition.version() + " de la guía " + edition.key()
                        + " no muestra ninguna imagen " + path + "."));
        byte[] bytes;
        try (java.io.InputStream in = file.openStream()) {
            bytes = in.readAllBytes();
        }
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        String etag = "\"" + edition.key().hashCode() + "-" + edition.version() + "-" + java.util.Arrays.hashCode(bytes)
                + "\"";
        call.response().setHeader("ETag", etag);
        call.response().setHeader("Cache-Control", "public, max-age=86400");
        if (etag.equals(call.request().getHeader("If-None-Match"))) {
            call.response().setStatus(304);
            return;
        }
        call.response().setContentType(IMAGE_TYPES.getOrDefault(extension, "application/octet-stream"));
        if ("svg".equals(extension)) {
            // A guide's SVG is shown as an image, never run as a page of this origin.
            call.response().setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        }
        call.response().setContentLength(bytes.length);
        call.response().getOutputStream().write(bytes);
    }

    private void editions(ApiCall call) throws IOException {
        GuideId id = call.path("clave", GuideId::parse);
        JsonArray array = new JsonArray();
        installed(id).forEach(e -> array.add(GuideJson.editionSummary(e)));
        JsonObject body = new JsonObject();
        body.addProperty("key", id.key());
        body.add("editions", array);
        call.ok(body);
    }

    private void edition(ApiCall call) throws IOException {
        GuideId id = call.path("clave", GuideId::parse);
        List<GuideEdition> editions = installed(id);
        String version = call.path("edicion");
        GuideEdition edition = registry.edition(id, version).orElseThrow(() -> ProblemException.notFound("La guía "
                + id.key() + " no tiene instalada la edición " + version + "; hay: "
                + editions.stream().map(GuideEdition::version).toList() + "."));
        JsonResponses.writeRevalidated(call.request(), call.response(), GuideJson.editionDocument(edition, serialized));
    }
}
