package mx.cte.guide.publishing;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.audit.api.AuditLog;
import mx.cte.content.guard.ContentBundles;
import mx.cte.core.api.text.LogText;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.RequestBodies;
import mx.cte.core.http.RoutedServlet;
import mx.cte.core.http.Routes;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideProblem;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.guide.api.RefusedGuide;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;
import mx.cte.trust.api.PublisherTrust;
import mx.cte.trust.api.TrustVerdict;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/guide-bundles} with a guide bundle jar as the body and its detached OpenPGP signature in the
 * {@value #SIGNATURE_HEADER} header (the {@code .asc} file, Base64-encoded) installs it, for publishers of the guide's
 * publisher and administrators: {@code 201} with the edition, {@code 422} with every problem when the jar is not
 * content-only, its signature is missing or not its publisher's, or its descriptor is refused (then nothing stays
 * installed; a bad signature is refused before anything is installed), {@code 409} when that edition is already
 * installed. {@code DELETE /api/v1/guide-bundles/{bundleId}} uninstalls a guide bundle. Neither refreshes any other
 * bundle: a guide bundle wires to nothing.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-guide-bundles")
@HttpWhiteboardServletPattern({"/api/v1/guide-bundles", "/api/v1/guide-bundles/*"})
public final class GuideBundlesServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(GuideBundlesServlet.class);
    static final int MAX_BYTES = 20 * 1024 * 1024;
    static final String LOCATION_PREFIX = ContentBundles.UPLOAD_LOCATION_PREFIX;
    /** Carries the jar's detached signature ({@code guia.jar.asc}), Base64-encoded so it fits in one header. */
    static final String SIGNATURE_HEADER = "CTE-Firma";
    /** An armoured signature is well under 2 KB; this bounds what is decoded. */
    static final int MAX_SIGNATURE_CHARS = 16 * 1024;

    private final transient GuideRegistry registry;
    private final transient PublisherTrust trust;
    private final transient BundleContext context;
    /** Optional: a refused upload is still refused without a database, and audited once the audit log is there. */
    private transient volatile AuditLog audit;

    @Activate
    public GuideBundlesServlet(@Reference GuideRegistry registry, @Reference PublisherTrust trust,
            BundleContext context) {
        this.registry = registry;
        this.trust = trust;
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAudit(AuditLog audit) {
        this.audit = audit;
    }

    void unsetAudit(AuditLog audit) {
        if (this.audit == audit) {
            this.audit = null;
        }
    }

    private void auditRefusal(String target, String why) {
        LOG.warn("Guide upload {} refused: {}", LogText.of(target), LogText.of(why));
        AuditLog log = audit;
        if (log != null) {
            log.record("guia-rechazada", target, why);
        }
    }

    @Override
    protected Routes table() {
        return Routes.builder()
                .post("/", this::install)
                .delete("/{bundle:int}", this::uninstall)
                .build();
    }

    static Caller publisherOrAdmin(HttpServletRequest request) {
        Caller caller = RequestAccess.caller(request);
        if (caller.isAdministrator() || caller.has(mx.cte.security.api.Role.PUBLICADOR)) {
            return caller;
        }
        throw ProblemException.forbidden("Solo un publicador de guías o un administrador instala, activa o retira"
                + " guías.");
    }

    private void install(ApiCall call) throws IOException {
        HttpServletRequest request = call.request();
        Caller caller = publisherOrAdmin(request);
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/java-archive") && !type.startsWith("application/octet-stream")) {
            throw new ProblemException(415, "Tipo de contenido no admitido",
                    "Envíe el jar del bundle de guía con Content-Type: application/java-archive");
        }
        byte[] content = RequestBodies.read(request, MAX_BYTES, "Un bundle de guía no pasa de 20 MB");
        GuideJar jar;
        try {
            jar = GuideJar.inspect(content);
        } catch (IllegalArgumentException e) {
            auditRefusal("subida de " + content.length + " bytes", e.getMessage());
            throw new ProblemException(422, "Bundle de guía no válido", e.getMessage());
        }
        if (!caller.canPublish(jar.publisher)) {
            throw ProblemException.forbidden("No puede publicar guías de " + jar.publisher + ".");
        }
        TrustVerdict verdict = trust.admit(content, signatureOf(request), jar.publisher);
        if (!verdict.trusted()) {
            auditRefusal(jar.symbolicName + " " + jar.version, "firma: " + verdict.reason());
            throw new ProblemException(422, "Firma no válida", "No se instaló nada: " + jar.symbolicName + " "
                    + jar.version + " " + verdict.reason() + ".").at(SIGNATURE_HEADER);
        }
        for (Bundle installed : context.getBundles()) {
            if (jar.symbolicName.equals(installed.getSymbolicName())
                    && org.osgi.framework.Version.parseVersion(jar.version).equals(installed.getVersion())) {
                throw new ProblemException(409, "Ya instalado", "El bundle " + jar.symbolicName + " " + jar.version
                        + " ya está instalado (bundle " + installed.getBundleId() + "); suba una versión nueva.");
            }
        }
        // Installed, not started: the registry reads guide bundles while they are installed, before installBundle
        // returns, and nothing is started until it has accepted the guide.
        Bundle bundle;
        try {
            bundle = context.installBundle(LOCATION_PREFIX + jar.symbolicName + "/" + jar.version,
                    new ByteArrayInputStream(content));
        } catch (BundleException e) {
            auditRefusal(jar.symbolicName + " " + jar.version, "el framework no lo instaló: " + e.getMessage());
            throw new ProblemException(422, "No se pudo instalar", e.getMessage());
        }
        Optional<RefusedGuide> refused = registry.refused().stream()
                .filter(r -> r.source().bundleId() == bundle.getBundleId()).findFirst();
        if (refused.isPresent()) {
            uninstall(bundle);
            JsonObject problem = JsonResponses.problem(422, "Guía rechazada", "La guía tiene errores; no se instaló"
                    + " nada.", request.getRequestURI());
            JsonArray problems = new JsonArray();
            for (GuideProblem p : refused.get().problems()) {
                JsonObject item = new JsonObject();
                item.addProperty("path", p.path());
                if (p.line() > 0) {
                    item.addProperty("line", p.line());
                }
                item.addProperty("message", p.message());
                problems.add(item);
            }
            problem.add("problems", problems);
            JsonResponses.writeProblem(call.response(), problem);
            return;
        }
        Optional<GuideEdition> published = registry.editions().stream()
                .filter(e -> e.source().bundleId() == bundle.getBundleId()).findFirst();
        if (published.isEmpty()) {
            uninstall(bundle);
            auditRefusal(jar.symbolicName + " " + jar.version, "el registro de guías no lo leyó como guía");
            throw new ProblemException(422, "Guía rechazada", "El bundle no se leyó como guía; no se instaló nada.");
        }
        GuideEdition edition = published.get();
        try {
            bundle.start();
        } catch (BundleException e) {
            uninstall(bundle);
            auditRefusal(jar.symbolicName + " " + jar.version, "el framework no lo resolvió: " + e.getMessage());
            throw new ProblemException(422, "No se pudo instalar", "El framework no aceptó el bundle; no se instaló"
                    + " nada.");
        }
        call.answer(HttpServletResponse.SC_CREATED, PublishingJson.edition(edition));
    }

    /** The signature file the header carries; a clear 422 when it is missing or is not Base64. */
    private static byte[] signatureOf(HttpServletRequest request) {
        String header = request.getHeader(SIGNATURE_HEADER);
        if (header == null || header.isBlank()) {
            throw new ProblemException(422, "Falta la firma", "Envíe la firma OpenPGP del jar (guia.jar.asc, de"
                    + " cte-publicador firmar) en Base64 en el encabezado " + SIGNATURE_HEADER + "; sin firma no se"
                    + " instala nada.").at(SIGNATURE_HEADER);
        }
        if (header.length() > MAX_SIGNATURE_CHARS) {
            throw new ProblemException(422, "Firma no válida", "El encabezado " + SIGNATURE_HEADER + " pasa de "
                    + MAX_SIGNATURE_CHARS + " caracteres: no es una firma.").at(SIGNATURE_HEADER);
        }
        try {
            return java.util.Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, "Firma no válida", "El encabezado " + SIGNATURE_HEADER + " debe llevar la"
                    + " firma en Base64: " + e.getMessage()).at(SIGNATURE_HEADER);
        }
    }

    private void uninstall(ApiCall call) {
        Caller caller = publisherOrAdmin(call.request());
        long id = call.pathNumber("bundle");
        GuideEdition edition = registry.editions().stream().filter(e -> e.source().bundleId() == id).findFirst()
                .orElseThrow(() -> ProblemException.notFound("El bundle " + id + " no es una guía instalada."));
        if (!caller.canPublish(edition.guide().id().publisher())) {
            throw ProblemException.forbidden("No puede retirar guías de " + edition.guide().id().publisher() + ".");
        }
        uninstall(context.getBundle(id));
        call.noContent();
    }

    private static void uninstall(Bundle bundle) {
        try {
            if (bundle != null) {
                bundle.uninstall();
            }
        } catch (BundleException e) {
            throw new IllegalStateException("Could not uninstall " + bundle, e);
        }
    }
}
