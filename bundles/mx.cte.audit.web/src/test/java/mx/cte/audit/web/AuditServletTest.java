package mx.cte.audit.web;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mx.cte.audit.api.AuditEvent;
import mx.cte.audit.api.AuditLog;
import mx.cte.audit.api.AuditQuery;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import org.junit.Test;

public class AuditServletTest {

    private static final Caller ADMINISTRATOR = ApiFixtures.caller("admin", "administrador");

    private final List<AuditQuery> queries = new ArrayList<>();
    private final AuditServlet servlet = new AuditServlet((AuditLog) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {AuditLog.class}, (proxy, method, args) -> {
                queries.add((AuditQuery) args[0]);
                return List.of(new AuditEvent(1, Instant.EPOCH, "admin", "guia-activada", "SEP:x", "1.0.0"));
            }));

    private FakeHttp.Response send(Caller caller, String... query) {
        FakeRequest request = FakeRequest.of("GET", "/api/v1/audit", null);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request.query(query[i], query[i + 1]);
        }
        return ApiFixtures.send(servlet, caller, request);
    }

    @Test
    public void anAdministratorFiltersTheEvents() {
        FakeHttp.Response events = send(ADMINISTRATOR, "accion", "guia-", "usuario", "admin",
                "desde", "2016-11-25T08:00:00Z", "limite", "20");
        assertEquals(events.body(), 200, events.status);
        assertEquals("guia-activada", events.json().getAsJsonArray("eventos").get(0).getAsJsonObject()
                .get("accion").getAsString());
        assertEquals(new AuditQuery("guia-", "admin", Instant.parse("2016-11-25T08:00:00Z"), 20), queries.get(0));
        send(ADMINISTRATOR);
        assertEquals(new AuditQuery(null, null, null, 100), queries.get(1));
    }

    @Test
    public void badFiltersNameTheParameterAndOthersMayNotRead() {
        assertEquals("limite", send(ADMINISTRATOR, "limite", "5000").json().get("campo").getAsString());
        assertEquals("limite", send(ADMINISTRATOR, "limite", "todos").json().get("campo").getAsString());
        FakeHttp.Response badSince = send(ADMINISTRATOR, "desde", "ayer");
        assertEquals(400, badSince.status);
        assertEquals("desde", badSince.json().get("campo").getAsString());
        assertEquals(403, send(ApiFixtures.DIRECTOR).status);
        assertEquals(401, send(null).status);
        assertEquals(List.of(), queries);
    }
}
