package mx.cte.guide.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Registers a module's product types as one {@link ProductType} service each, so that the guide registry sees every
 * type come and go with the module. Close it when the module stops.
 */
public final class ProductTypeRegistrations implements AutoCloseable {

    private final List<ServiceRegistration<ProductType>> registrations;

    private ProductTypeRegistrations(List<ServiceRegistration<ProductType>> registrations) {
        this.registrations = registrations;
    }

    /** Registers each type in order; refuses a list that names one id twice, before registering any. */
    public static ProductTypeRegistrations register(BundleContext context, List<? extends ProductType> types) {
        Set<String> ids = new HashSet<>();
        for (ProductType type : types) {
            if (!ids.add(type.id())) {
                throw new IllegalArgumentException("Product type '" + type.id() + "' listed twice");
            }
        }
        List<ServiceRegistration<ProductType>> registered = new ArrayList<>();
        for (ProductType type : types) {
            registered.add(context.registerService(ProductType.class, type, null));
        }
        return new ProductTypeRegistrations(Collections.synchronizedList(registered));
    }

    @Override
    public void close() {
        synchronized (registrations) {
            for (ServiceRegistration<ProductType> registration : registrations) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the framework unregisters a stopping bundle's services itself
                }
            }
            registrations.clear();
        }
    }
}
