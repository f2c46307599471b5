package mx.cte.core.web;

import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Which bundle is still on its way to active: resolved, marked to start at the current start level, yet not active.
 * SCR only knows the components of active bundles, so while a bundle is being started or refreshed its parts that hold
 * the node back are invisible to {@link mx.cte.core.api.health.RegisteredComponents}; a restarted node once answered
 * "up" in that moment. Only bundles whose whole life is Declarative Services are counted: with no activator they have
 * nothing that could fail once resolved, so a bundle of this kind that is not active is in motion, never stuck, and a
 * bundle an administrator stopped is not marked to start.
 */
final class StartingBundles {

    private StartingBundles() {
    }

    static Optional<String> firstOnItsWay(Bundle[] bundles, int frameworkStartLevel) {
        for (Bundle bundle : bundles) {
            if (isOnItsWay(bundle, frameworkStartLevel)) {
                return Optional.of(bundle.getSymbolicName());
            }
        }
        return Optional.empty();
    }

    private static boolean isOnItsWay(Bundle bundle, int frameworkStartLevel) {
        int state = bundle.getState();
        if (bundle.getBundleId() == 0 || (state != Bundle.RESOLVED && state != Bundle.STARTING)) {
            return false;
        }
        var headers = bundle.getHeaders("");
        if (headers.get(Constants.FRAGMENT_HOST) != null || headers.get(Constants.BUNDLE_ACTIVATOR) != null
                || headers.get("Service-Component") == null
                || (state == Bundle.STARTING && headers.get(Constants.BUNDLE_ACTIVATIONPOLICY) != null)) {
            return false;
        }
        BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
        return startLevel != null && startLevel.isPersistentlyStarted()
                && startLevel.getStartLevel() <= frameworkStartLevel;
    }
}
