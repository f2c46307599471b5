package mx.cte.channel.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import mx.cte.channel.api.ChannelUpdates;
import mx.cte.channel.api.InstallOutcome;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import org.junit.Test;

/** Who may use the channels' endpoints and what each answers when the channel says no. */
public class ChannelsRoutesTest {

    private static final Caller ADMIN = ApiFixtures.caller("admin.plataforma", "administrador");

    private final List<String> calls = new ArrayList<>();

    private final ChannelUpdates updates = (ChannelUpdates) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ChannelUpdates.class}, (proxy, method, args) -> {
                calls.add(method.getName());
                return switch (method.getName()) {
                    case "channels", "checkAll", "available" -> List.of();
                    case "install" -> {
                        if ("nadie".equals(args[0])) {
                            throw new IllegalArgumentException("no hay suscripción al canal nadie");
                        }
                        yield new InstallOutcome((String) args[0], (String) args[1], false, -1,
                                "no se instaló: fue modificado después de firmarse");
                    }
                    case "installAll" -> List.of();
                    case "schedule" -> {
                        throw new IllegalArgumentException("la fecha de instalación ya pasó");
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            });

    private FakeHttp.Response send(Caller caller, String method, String path, String json) {
        FakeRequest request = FakeRequest.of(method, "/api/v1/channels", path);
        return ApiFixtures.send(new ChannelsServlet(updates), caller, json == null ? request : request.json(json));
    }

    @Test
    public void onlyAnAdministratorSeesOrUsesTheChannels() {
        assertEquals(403, send(ApiFixtures.DIRECTOR, "GET", null, null).status);
        assertEquals(403, send(ApiFixtures.caller("publica.sep", "publicador@SEP"), "POST", "/install",
                "{\"todas\": true}").status);
        assertEquals(List.of(), calls);
        FakeHttp.Response listed = send(ADMIN, "GET", null, null);
        assertEquals(200, listed.status);
        assertTrue(listed.body(), listed.json().has("canales") && listed.json().has("artefactos"));
    }

    @Test
    public void aRefusedInstallationSaysWhyAndAnUnknownOneIs404() {
        FakeHttp.Response refused = send(ADMIN, "POST", "/install", "{\"canal\": \"sep\", \"ruta\":"
                + " \"artefactos/g.jar\"}");
        assertEquals(422, refused.status);
        assertTrue(refused.body(), refused.body().contains("modificado después de firmarse"));
        assertEquals(404, send(ADMIN, "POST", "/install", "{\"canal\": \"nadie\", \"ruta\": \"a.jar\"}").status);
        FakeHttp.Response noPath = send(ADMIN, "POST", "/install", "{\"canal\": \"sep\"}");
        assertEquals(400, noPath.status);
        assertEquals("ruta", noPath.json().get("campo").getAsString());
    }

    @Test
    public void aScheduleNeedsAnInstantInTheFuture() {
        FakeHttp.Response badDate = send(ADMIN, "POST", "/schedule", "{\"canal\": \"sep\", \"ruta\": \"a.jar\","
                + " \"fecha\": \"mañana\"}");
        assertEquals(400, badDate.status);
        assertEquals("fecha", badDate.json().get("campo").getAsString());
        FakeHttp.Response past = send(ADMIN, "POST", "/schedule", "{\"canal\": \"sep\", \"ruta\": \"a.jar\","
                + " \"fecha\": \"2020-01-01T00:00:00Z\"}");
        assertEquals(422, past.status);
        assertTrue(past.body(), past.body().contains("ya pasó"));
    }
}
