package mx.cte.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;

/**
 * Watches every bundle except the ones a test installs on purpose: records their events and compares their ids and
 * states at the end, which is how a refresh or restart of a core or module bundle would show.
 */
final class BundleWatch implements AutoCloseable {

    private final BundleContext context;
    private final Predicate<Bundle> ignored;
    private final List<String> before;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final BundleListener listener;

    BundleWatch(BundleContext context, Predicate<Bundle> ignored) {
        this.context = context;
        this.ignored = ignored;
        this.before = states();
        this.listener = event -> {
            if (!ignored.test(event.getBundle())) {
                events.add(event.getBundle().getSymbolicName() + " event " + event.getType());
            }
        };
        context.addBundleListener(listener);
    }

    /** Id, symbolic name and state of every watched bundle. */
    List<String> states() {
        List<String> states = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (!ignored.test(bundle)) {
                states.add(bundle.getBundleId() + " " + bundle.getSymbolicName() + " " + bundle.getState());
            }
        }
        return states;
    }

    List<String> before() {
        return before;
    }

    List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        context.removeBundleListener(listener);
    }
}
