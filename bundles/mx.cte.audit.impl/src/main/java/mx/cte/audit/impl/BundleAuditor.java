package mx.cte.audit.impl;

import mx.cte.audit.api.AuditLog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Records when a platform module ({@code mx.cte.*}) or a guide bundle (one with a {@code CTE-Guide} header) is
 * installed, updated or uninstalled. The listener is synchronous, so it runs in the thread that made the change and
 * the actor is the shell user who typed the command.
 */
@Component(immediate = true)
public final class BundleAuditor implements SynchronousBundleListener {

    private final AuditLog audit;
    private final BundleContext context;

    @Activate
    public BundleAuditor(@Reference AuditLog audit, BundleContext context) {
        this.audit = audit;
        this.context = context;
        context.addBundleListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
    }

    static boolean audited(Bundle bundle) {
        String name = bundle.getSymbolicName();
        return name != null && name.startsWith("mx.cte.") || bundle.getHeaders("").get("CTE-Guide") != null;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        String action = switch (event.getType()) {
            case BundleEvent.INSTALLED -> "bundle-instalado";
            case BundleEvent.UPDATED -> "bundle-actualizado";
            case BundleEvent.UNINSTALLED -> "bundle-desinstalado";
            default -> null;
        };
        Bundle bundle = event.getBundle();
        if (action != null && audited(bundle)) {
            audit.record(action, bundle.getSymbolicName() + "/" + bundle.getVersion(),
                    "bundle " + bundle.getBundleId() + " desde " + bundle.getLocation());
        }
    }
}
