package mx.cte.catalogue.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import mx.cte.content.guard.ContentBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
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

    PackTracker(BundleContext context, CatalogueService catalogue) {
        super(context, Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, null);
        this.catalogue = catalogue;
    }

    private static String name(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    @Override
    public Long addingBundle(Bundle bundle, BundleEvent event) {
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
            catalogue.packArrived(bundle.getBundleId(), name(bundle), PackReader.read(in));
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
