package mx.cte.catalogue.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import mx.cte.content.guard.ContentBundles;
import mx.cte.trust.api.PublisherTrust;
import mx.cte.trust.api.TrustListener;
import mx.cte.trust.api.TrustVerdict;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.BundleTracker;

/**
 * Finds resource packs: bundles whose manifest names their descriptor in {@value #HEADER}. A pack is read as soon as
 * its bundle is installed (a content bundle needs no resolving), read again when the bundle is updated, and leaves the
 * catalogues only when the bundle is uninstalled, so that stopping, refreshing or updating it never makes its entries
 * flicker away.
 */
final class PackTracker extends BundleTracker<Long> {

    static final String HEADER = ContentBundles.PACK_HEADER;

    private final CatalogueService catalogue;
    private final PublisherTrust trust;
    private final ServiceRegistration<TrustListener> trustListening;

    PackTracker(BundleContext context, CatalogueService catalogue, PublisherTrust trust) {
        super(context, Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, null);
        this.catalogue = catalogue;
        this.trust = trust;
        this.trustListening = context.registerService(TrustListener.class, this::holdToSignaturesAgain, null);
    }

    @Override
    public void close() {
        try {
            trustListening.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping: the framework removed it
        }
        super.close();
    }

    /**
     * When the trusted keys changed, every pack is held to its signature again: a pack its key no longer vouches for
     * leaves every catalogue, one refused for its signature and trusted now arrives.
     */
    void holdToSignaturesAgain() {
        try {
            Bundle[] bundles = getBundles();
            for (Bundle bundle : bundles == null ? new Bundle[0] : bundles) {
                String publisher = catalogue.installedPublisher(bundle.getBundleId());
                boolean changed = publisher != null ? !trust.verify(bundle, publisher).trusted()
                        : catalogue.refusedForSignature(bundle.getBundleId());
                if (changed) {
                    addingBundle(bundle, null);
                }
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(PackTracker.class).error("Checking the packs' signatures again failed",
                    e);
        }
    }

    private static String name(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    @Override
    public synchronized Long addingBundle(Bundle bundle, BundleEvent event) {
        String path = bundle.getHeaders().get(HEADER);
        if (path == null) {
            return null;
        }
        List<String> code = ContentBundles.problems(bundle);
        if (!code.isEmpty()) {
            catalogue.packArrived(bundle.getBundleId(), name(bundle), new PackReader.Outcome(null, code));
            return bundle.getBundleId();
        }
        URL descriptor = bundle.getEntry(path.strip());
        if (descriptor == null) {
            catalogue.packArrived(bundle.getBundleId(), name(bundle), new PackReader.Outcome(null,
                    List.of(HEADER + ": el bundle no contiene " + path)));
            return bundle.getBundleId();
        }
        try (InputStream in = descriptor.openStream()) {
            PackReader.Outcome outcome = PackReader.read(in);
            if (outcome.pack() != null) {
                // A pack reaches every school's catalogue: only as its publisher signed it.
                TrustVerdict verdict = trust.verify(bundle, outcome.pack().publisher());
                if (!verdict.trusted()) {
                    catalogue.packUntrusted(bundle.getBundleId(), name(bundle), verdict.reason());
                    return bundle.getBundleId();
                }
            }
            catalogue.packArrived(bundle.getBundleId(), name(bundle), outcome);
        } catch (IOException e) {
            catalogue.packArrived(bundle.getBundleId(), name(bundle), new PackReader.Outcome(null,
                    List.of(path + ": no se pudo leer: " + e.getMessage())));
        }
        return bundle.getBundleId();
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Long id) {
        if (event != null && event.getType() == BundleEvent.UPDATED) {
            addingBundle(bundle, event);
        }
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
        if (bundle.getState() == Bundle.UNINSTALLED) {
            catalogue.packRemoved(id);
        }
    }
}
