package mx.cte.guide.spi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

public class ProductTypeRegistrationsTest {

    private final List<String> registered = new ArrayList<>();
    private final List<String> unregistered = new ArrayList<>();

    /** A context that records what is registered and unregistered, and nothing else. */
    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("registerService")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String id = ((ProductType) args[1]).id();
                    registered.add(id);
                    return Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                                if (m.getName().equals("unregister")) {
                                    unregistered.add(id);
                                    return null;
                                }
                                throw new UnsupportedOperationException(m.getName());
                            });
                });
    }

    @Test
    public void registersEachTypeAndWithdrawsThemAllOnClose() {
        ProductTypeRegistrations registrations = ProductTypeRegistrations.register(context(), List.of(
                new ProductTypeDefinition("cuadro-resultados", "Cuadro de resultados esperados", null),
                new ProductTypeDefinition("valoracion-grupo", "Valoración del grupo", "Por grupo")));
        assertEquals(List.of("cuadro-resultados", "valoracion-grupo"), registered);

        registrations.close();
        assertEquals(registered, unregistered);
        registrations.close();
        assertEquals("closing twice withdraws nothing more", 2, unregistered.size());
    }

    @Test
    public void refusesAListThatNamesATypeTwiceBeforeRegisteringAny() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProductTypeRegistrations
                .register(context(), List.of(new ProductTypeDefinition("texto-escuela", "Texto", ""),
                        new ProductTypeDefinition("texto-escuela", "Otro texto", ""))));
        assertTrue(e.getMessage(), e.getMessage().contains("texto-escuela"));
        assertEquals(List.of(), registered);
    }

    @Test
    public void definitionsNeedAWellFormedIdAndATitle() {
        assertEquals("", new ProductTypeDefinition("lluvia-ideas", "Lluvia de ideas", null).description());
        for (String id : List.of("Lluvia de ideas", "lluvia_ideas", "-lluvia", "lluvia-", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ProductTypeDefinition(id, "Lluvia de ideas", ""));
            assertTrue(e.getMessage(), e.getMessage().contains("'" + id + "'"));
        }
        assertThrows(IllegalArgumentException.class, () -> new ProductTypeDefinition("lluvia-ideas", " ", ""));
    }
}
