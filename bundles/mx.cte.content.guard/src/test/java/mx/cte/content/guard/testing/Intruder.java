package mx.cte.content.guard.testing;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The code an attacker hides in a guide bundle: if it ever runs, it leaves its bundle's name in a system property. */
public final class Intruder implements BundleActivator {

    /** Set to the intruding bundle's symbolic name when its activator ran. */
    public static final String RAN_PROPERTY = "cte.intruder.ran";

    @Override
    public void start(BundleContext context) {
        System.setProperty(RAN_PROPERTY, context.getBundle().getSymbolicName());
    }

    @Override
    public void stop(BundleContext context) {
        // nothing to undo
    }
}
