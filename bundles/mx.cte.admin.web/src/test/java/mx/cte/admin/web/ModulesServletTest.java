package mx.cte.admin.web;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.security.http.ApiFixtures;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

public class ModulesServletTest {

    private final ModulesServlet servlet = new ModulesServlet((BundleContext) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {BundleContext.class}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "getBundles" -> new Bundle[0];
                        case "getAllServiceReferences" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    }));

    @Test
    public void onlyAnAdministratorReadsTheModules() {
        FakeHttp.Response modules = ApiFixtures.send(servlet, ApiFixtures.caller("admin", "administrador"),
                FakeRequest.of("GET", "/api/v1/admin/modules", null));
        assertEquals(modules.body(), 200, modules.status);
        assertEquals(false, modules.json().get("componentesConocidos").getAsBoolean());
        assertEquals(0, modules.json().getAsJsonArray("bundles").size());
        assertEquals(403, ApiFixtures.send(servlet, ApiFixtures.DIRECTOR,
                FakeRequest.of("GET", "/api/v1/admin/modules", null)).status);
        assertEquals(405, ApiFixtures.send(servlet, ApiFixtures.DIRECTOR,
                FakeRequest.of("POST", "/api/v1/admin/modules", null)).status);
    }
}
