package mx.cte.guide.publishing;

import java.io.IOException;
import java.util.Locale;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.RequestBodies;
import mx.cte.core.http.RoutedServlet;
import mx.cte.core.http.Routes;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code POST /api/v1/guide-bundles} with a guide bundle jar as the body and its detached OpenPGP signature in the
 * {@value #SIGNATURE_HEADER} header (the {@code .asc} file, Base64-encoded) installs it, for publishers of the guide's
 * publisher and administrators: {@code 201} with the edition, {@code 422} with every problem when the jar is not
 * content-only, its signature is missing or not its publisher's, or its descriptor is refused (then nothing stays
 * installed; a bad signature is refused before anything is installed), {@code 409} when that edition is already
 * installed. {@code DELETE /api/v1/guide-bundles/{bundleId}} uninstalls a guide bundle. Neither refreshes any other
 * bundle: a guide bundle wires to nothing. Both are shared: every node of the installation does the same
 * ({@link SharedGuides}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-guide-bundles")
@HttpWhiteboardServletPattern({"/api/v1/guide-bundles", "/api/v1/guide-bundles/*"})
public final class GuideBundlesServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    static final int MAX_BYTES = 20 * 1024 * 1024;
    static final String SIGNATURE_HEADER = GuideBundleInstalls.SIGNATURE_HEADER;
    /** An armoured signature is well under 2 KB; this bounds what is decoded. */
    static final int MAX_SIGNATURE_CHARS = 16 * 1024;

    private final transient GuideRegistry registry;
    private final transient GuideBundleInstalls installs;
    private final transient SharedGuides shared;
    private final transient BundleContext context;

    @Activate
    public GuideBundlesServlet(@Reference GuideRegistry registry, @Reference GuideBundleInstalls installs,
            @Reference SharedGuides shared, BundleContext context) {
        this.registry = registry;
        this.installs = installs;
        this.shared = shared;
        this.context = context;
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
            installs.auditRefusal("subida de " + content.length + " bytes", e.getMessage());
            throw new ProblemException(422, "Bundle de guía no válido", e.getMessage());
        }
        if (!caller.canPublish(jar.publisher)) {
            throw ProblemException.forbidden("No puede publicar guías de " + jar.publisher + ".");
        }
        byte[] signature = signatureOf(request);
        GuideEdition edition = shared.publish(jar, content, signature);
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
        Bundle bundle = context.getBundle(id);
        if (bundle != null) {
            shared.remove(bundle);
        }
        call.noContent();
    }
}
