package mx.cte.core.web;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * A restarted node's bundles that are resolved and marked to start but not active yet hold health back (their
 * components are unknown to SCR until then); bundles an administrator stopped, fragments, lazy bundles and bundles
 * with an activator (which could be stuck for good) do not.
 */
public class StartingBundlesTest {

    private static Bundle bundle(long id, String name, int state, Map<String, String> headers, boolean markedToStart,
            int startLevel) {
        BundleStartLevel level = (BundleStartLevel) Proxy.newProxyInstance(StartingBundlesTest.class.getClassLoader(),
                new Class<?>[] {BundleStartLevel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isPersistentlyStarted" -> markedToStart;
                    case "getStartLevel" -> startLevel;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Dictionary<String, String> dictionary = new Hashtable<>(headers);
        return (Bundle) Proxy.newProxyInstance(StartingBundlesTest.class.getClassLoader(), new Class<?>[] {
            Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getBundleId" -> id;
                case "getSymbolicName" -> name;
                case "getState" -> state;
                case "getHeaders" -> dictionary;
                case "adapt" -> args[0] == BundleStartLevel.class ? level : null;
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    private static final Map<String, String> DS_ONLY = Map.of("Service-Component", "OSGI-INF/a.xml");

    @Test
    public void aResolvedDeclarativeBundleMarkedToStartIsOnItsWay() {
        Bundle active = bundle(5, "mx.cte.core.web", Bundle.ACTIVE, DS_ONLY, true, 80);
        Bundle cluster = bundle(6, "mx.cte.cluster.impl", Bundle.RESOLVED, DS_ONLY, true, 80);
        assertEquals(Optional.of("mx.cte.cluster.impl"), StartingBundles.firstOnItsWay(new Bundle[] {active, cluster},
                100));
        assertEquals("being started right now", Optional.of("mx.cte.cluster.impl"), StartingBundles.firstOnItsWay(
                new Bundle[] {bundle(6, "mx.cte.cluster.impl", Bundle.STARTING, DS_ONLY, true, 80)}, 100));
    }

    @Test
    public void stoppedLaterLevelFragmentLazyActivatorAndUnresolvedBundlesAreNot() {
        Bundle[] bundles = {
            bundle(0, "org.apache.felix.framework", Bundle.RESOLVED, DS_ONLY, true, 0),
            bundle(7, "stopped.by.admin", Bundle.RESOLVED, DS_ONLY, false, 80),
            bundle(8, "later.level", Bundle.RESOLVED, DS_ONLY, true, 120),
            bundle(9, "a.fragment", Bundle.RESOLVED, Map.of("Service-Component", "x", "Fragment-Host", "h"), true,
                    80),
            bundle(10, "lazy", Bundle.STARTING, Map.of("Service-Component", "x", "Bundle-ActivationPolicy", "lazy"),
                    true, 80),
            bundle(11, "with.activator", Bundle.RESOLVED, Map.of("Service-Component", "x", "Bundle-Activator",
                    "a.A"), true, 80),
            bundle(12, "no.components", Bundle.RESOLVED, Map.of(), true, 80),
            bundle(13, "missing.imports", Bundle.INSTALLED, DS_ONLY, true, 80),
        };
        assertEquals(Optional.empty(), StartingBundles.firstOnItsWay(bundles, 100));
    }
}
