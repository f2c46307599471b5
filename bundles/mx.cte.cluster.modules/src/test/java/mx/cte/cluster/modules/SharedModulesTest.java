package mx.cte.cluster.modules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import mx.cte.cluster.api.Cluster;
import mx.cte.cluster.api.SharedEntry;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;

/**
 * The platform's features follow the installation's shared state, and a pass over that state never undoes what an
 * administrator installed on this node after the pass was asked for (it waited behind a feature that took seconds).
 */
public class SharedModulesTest {

    private static final String MODULE = "cte-programa";

    /** The shared state as the database holds it now. */
    private final List<SharedEntry> stored = new ArrayList<>();
    /** The features installed on purpose on this node, by name. */
    private final List<String> installed = new ArrayList<>();
    private final List<String> uninstalledHere = new ArrayList<>();
    private final List<String> installedHere = new ArrayList<>();
    /** The passes asked for and not run yet: the test runs them when it chooses. */
    private final Queue<Runnable> passes = new ArrayDeque<>();

    private final Cluster cluster = (Cluster) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Cluster.class}, (proxy, method, args) -> switch (method.getName()) {
                case "clustered" -> true;
                case "nodeName" -> "nodo-a";
                case "entries" -> List.copyOf(stored);
                case "put" -> {
                    record((String) args[1], (String) args[2], false, "nodo-a");
                    yield null;
                }
                case "remove" -> {
                    record((String) args[1], null, true, "nodo-a");
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final FeaturesService features = (FeaturesService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {FeaturesService.class}, (proxy, method, args) -> switch (method.getName()) {
                case "registerListener", "unregisterListener" -> null;
                case "listInstalledFeatures" -> installed.stream().map(SharedModulesTest::feature)
                        .toArray(Feature[]::new);
                case "isRequired", "isInstalled" -> installed.contains(((Feature) args[0]).getName());
                case "getFeature" -> feature((String) args[0]);
                case "installFeature" -> {
                    installedHere.add((String) args[0]);
                    installed.add((String) args[0]);
                    yield null;
                }
                case "uninstallFeature" -> {
                    uninstalledHere.add((String) args[0]);
                    installed.remove((String) args[0]);
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final SharedModules shared = new SharedModules(features, cluster, passes::add);

    private void record(String key, String value, boolean removed, String node) {
        stored.removeIf(e -> e.key().equals(key));
        stored.add(new SharedEntry(SharedModules.KIND, key, value, removed, stored.size() + 1L, Instant.now(), node));
    }

    private static Feature feature(String name) {
        return (Feature) Proxy.newProxyInstance(SharedModulesTest.class.getClassLoader(),
                new Class<?>[] {Feature.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "getVersion" -> "1.0.0";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private void runPasses() {
        while (!passes.isEmpty()) {
            passes.poll().run();
        }
    }

    @Test
    public void aModuleInstalledOnAnotherNodeIsInstalledHere() {
        record(MODULE, "1.0.0", false, "nodo-b");

        shared.reconcile(List.copyOf(stored));
        runPasses();

        assertEquals(List.of(MODULE), installedHere);
    }

    @Test
    public void aModuleUninstalledOnAnotherNodeIsUninstalledHereAndNotRecordedAgain() {
        installed.add(MODULE);
        record(MODULE, null, true, "nodo-b");

        shared.reconcile(List.copyOf(stored));
        runPasses();

        assertEquals(List.of(MODULE), uninstalledHere);
        assertEquals("nodo-b", stored.get(0).node());
    }

    @Test
    public void aModuleTheAdministratorInstallsWhileAPassWaitsIsKept() {
        record(MODULE, null, true, "nodo-b");
        shared.reconcile(List.copyOf(stored)); // the pass is asked for with the module removed

        installed.add(MODULE); // then the administrator installs it here, before the pass runs
        shared.featureEvent(new FeatureEvent(FeatureEvent.EventType.FeatureInstalled, feature(MODULE), null, false));
        runPasses();

        assertTrue("the administrator's module was uninstalled by the waiting pass", uninstalledHere.isEmpty());
        assertTrue(installed.contains(MODULE));
        assertFalse("the shared state no longer says installed", stored.get(0).removed());
    }

    @Test
    public void passesAskedForWhileOneWaitsRunOnce() {
        record(MODULE, "1.0.0", false, "nodo-b");

        shared.reconcile(List.copyOf(stored));
        shared.reconcile(List.copyOf(stored));
        shared.reconcile(List.copyOf(stored));

        assertEquals(1, passes.size());
        runPasses();
        assertEquals(List.of(MODULE), installedHere);
    }
}
