package mx.cte.guide.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.guide.api.GuideRegistry;
import org.junit.Test;

/** The guide API's routes with no guide installed (the guides themselves are served in GuidesIT). */
public class GuidesServletTest {

    private final GuideRegistry registry = (GuideRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {GuideRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                case "editions", "refused", "productTypes" -> List.of();
                case "active", "edition" -> Optional.empty();
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private FakeHttp.Response get(String path) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new GuidesServlet(registry).service(FakeRequest.of("GET", "/api/v1/guides", path).build(), response.proxy());
        return response;
    }

    @Test
    public void theCatalogAndEachGuidesRoutesAnswerJson() throws Exception {
        FakeHttp.Response catalog = get(null);
        assertEquals(200, catalog.status);
        assertEquals(0, catalog.json().getAsJsonArray("refused").size());
        FakeHttp.Response missing = get("/SEP:2016-2017:preescolar:ordinaria-3");
        assertEquals(404, missing.status);
        assertTrue(missing.body(), missing.json().get("detail").getAsString().contains("ninguna guía instalada"));
        assertEquals(404, get("/SEP:2016-2017:preescolar:ordinaria-3/versions/1.0.0").status);
        assertEquals(404, get("/SEP:2016-2017:preescolar:ordinaria-3/ediciones").status);
        FakeHttp.Response badKey = get("/no-es-clave/versions");
        assertEquals(400, badKey.status);
        assertEquals("clave", badKey.json().get("campo").getAsString());

        FakeHttp.Response types = new FakeHttp.Response();
        new ProductTypesServlet(registry).service(FakeRequest.of("GET", "/api/v1/product-types", null).build(),
                types.proxy());
        assertEquals(200, types.status);
    }
}
