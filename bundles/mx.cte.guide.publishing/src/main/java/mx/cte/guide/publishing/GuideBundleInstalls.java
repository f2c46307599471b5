package mx.cte.guide.publishing;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import mx.cte.audit.api.AuditLog;
import mx.cte.content.guard.ContentBundles;
import mx.cte.core.api.text.LogText;
import mx.cte.core.http.ProblemException;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideProblem;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.guide.api.RefusedGuide;
import mx.cte.trust.api.PublisherTrust;
import mx.cte.trust.api.TrustVerdict;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs a guide bundle jar on this node only once its signature is its publisher's and the registry accepted its
 * descriptor, else leaves nothing installed and says why: for an upload through the API and for a node applying
 * what another node installed.
 */
@Component(service = GuideBundleInstalls.class)
public final class GuideBundleInstalls {

    private static final Logger LOG = LoggerFactory.getLogger(GuideBundleInstalls.class);
    static final String LOCATION_PREFIX = ContentBundles.UPLOAD_LOCATION_PREFIX;
    /** Carries the jar's detached signature ({@code guia.jar.asc}), Base64-encoded so it fits in one header. */
    static final String SIGNATURE_HEADER = "CTE-Firma";

    private final GuideRegistry registry;
    private final PublisherTrust trust;
    private final BundleContext context;
    /** Bundles this class uninstalls because it refused them: not a publisher's removal. */
    private final Set<Long> refusedHere = ConcurrentHashMap.newKeySet();
    /** Optional: a refused upload is still refused without a database, and audited once the audit log is there. */
    private volatile AuditLog audit;

    @Activate
    public GuideBundleInstalls(@Reference GuideRegistry registry, @Reference PublisherTrust trust,
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

    static String location(GuideJar jar) {
        return LOCATION_PREFIX + key(jar);
    }

    /** {@code symbolicName/version}: how an uploaded guide bundle is named in its location and the shared state. */
    static String key(GuideJar jar) {
        return jar.symbolicName + "/" + jar.version;
    }

    /** The key of an uploaded guide bundle, empty for any other bundle. */
    static Optional<String> key(Bundle bundle) {
        String location = bundle.getLocation();
        return location != null && location.startsWith(LOCATION_PREFIX)
                ? Optional.of(location.substring(LOCATION_PREFIX.length())) : Optional.empty();
    }

    /** Whether the jar's signature is its publisher's, checked without installing or keeping anything. */
    boolean signedByItsPublisher(GuideJar jar, byte[] content, byte[] signature) {
        return trust.verify(content, signature, jar.publisher).trusted();
    }

    void auditRefusal(String target, String why) {
        LOG.warn("Guide upload {} refused: {}", LogText.of(target), LogText.of(why));
        AuditLog log = audit;
        if (log != null) {
            log.record("guia-rechazada", target, why);
        }
    }

    /**
     * Installs and starts the guide bundle.
     *
     * @throws ProblemException 422 when its signature, its descriptor or the framework refuses it (then nothing
     *                          stays installed), 409 when that edition is already installed
     */
    GuideEdition install(GuideJar jar, byte[] content, byte[] signature) {
        TrustVerdict verdict = trust.admit(content, signature, jar.publisher);
        if (!verdict.trusted()) {
            auditRefusal(jar.symbolicName + " " + jar.version, "firma: " + verdict.reason());
            throw new ProblemException(422, "Firma no válida", "No se instaló nada: " + jar.symbolicName + " "
                    + jar.version + " " + verdict.reason() + ".").at(SIGNATURE_HEADER);
        }
        for (Bundle installed : context.getBundles()) {
            if (jar.symbolicName.equals(installed.getSymbolicName())
                    && Version.parseVersion(jar.version).equals(installed.getVersion())) {
                throw new ProblemException(409, "Ya instalado", "El bundle " + jar.symbolicName + " " + jar.version
                        + " ya está instalado (bundle " + installed.getBundleId() + "); suba una versión nueva.");
            }
        }
        // Installed, not started: the registry reads guide bundles while they are installed, before installBundle
        // returns, and nothing is started until it has accepted the guide.
        Bundle bundle;
        try {
            bundle = context.installBundle(location(jar), new ByteArrayInputStream(content));
        } catch (BundleException e) {
            auditRefusal(jar.symbolicName + " " + jar.version, "el framework no lo instaló: " + e.getMessage());
            throw new ProblemException(422, "No se pudo instalar", e.getMessage());
        }
        Optional<RefusedGuide> refused = registry.refused().stream()
                .filter(r -> r.source().bundleId() == bundle.getBundleId()).findFirst();
        if (refused.isPresent()) {
            refuse(bundle);
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
            throw new ProblemException(422, "Guía rechazada", "La guía tiene errores; no se instaló nada.")
                    .with("problems", problems);
        }
        Optional<GuideEdition> published = registry.editions().stream()
                .filter(e -> e.source().bundleId() == bundle.getBundleId()).findFirst();
        if (published.isEmpty()) {
            refuse(bundle);
            auditRefusal(jar.symbolicName + " " + jar.version, "el registro de guías no lo leyó como guía");
            throw new ProblemException(422, "Guía rechazada", "El bundle no se leyó como guía; no se instaló nada.");
        }
        try {
            bundle.start();
        } catch (BundleException e) {
            refuse(bundle);
            auditRefusal(jar.symbolicName + " " + jar.version, "el framework no lo resolvió: " + e.getMessage());
            throw new ProblemException(422, "No se pudo instalar", "El framework no aceptó el bundle; no se instaló"
                    + " nada.");
        }
        return published.get();
    }

    private void refuse(Bundle bundle) {
        refusedHere.add(bundle.getBundleId());
        uninstall(bundle);
    }

    /** Whether this class uninstalled the bundle because it refused it; asked once, by the removal's listener. */
    boolean refusedHere(long bundleId) {
        return refusedHere.remove(bundleId);
    }

    static void uninstall(Bundle bundle) {
        try {
            if (bundle != null) {
                bundle.uninstall();
            }
        } catch (BundleException e) {
            throw new IllegalStateException("Could not uninstall " + bundle, e);
        }
    }
}
