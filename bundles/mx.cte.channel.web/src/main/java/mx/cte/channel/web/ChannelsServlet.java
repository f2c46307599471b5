package mx.cte.channel.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.servlet.Servlet;
import mx.cte.channel.api.ChannelArtifact;
import mx.cte.channel.api.ChannelStatus;
import mx.cte.channel.api.ChannelUpdates;
import mx.cte.channel.api.InstallOutcome;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonRequests;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.RoutedServlet;
import mx.cte.core.http.Routes;
import mx.cte.security.http.RequestAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The publication channels, for administrators:
 * <ul>
 * <li>{@code GET /api/v1/channels}: each subscription's state and what the channels offer;</li>
 * <li>{@code POST /api/v1/channels/check}: check every channel now;</li>
 * <li>{@code POST /api/v1/channels/install {"canal", "ruta"}} or {@code {"todas": true}}: download, verify and
 * install ({@code 200} with each outcome; {@code 422} when the one asked for was refused, with why);</li>
 * <li>{@code POST /api/v1/channels/schedule {"canal", "ruta", "fecha"}}: install at that instant;</li>
 * <li>{@code POST /api/v1/channels/kits?archivo=kit-sep.zip} with an offline kit as the body ({@code application/zip}):
 * imported and checked like its channel ({@code 422} when it is no kit).</li>
 * </ul>
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-channels")
@HttpWhiteboardServletPattern({"/api/v1/channels", "/api/v1/channels/*"})
public final class ChannelsServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    private static final String ADMINISTRATORS_ONLY = "Solo un administrador consulta los canales e instala desde"
            + " ellos.";

    private final transient ChannelUpdates updates;

    @Activate
    public ChannelsServlet(@Reference ChannelUpdates updates) {
        this.updates = updates;
    }

    @Override
    protected Routes table() {
        return Routes.builder()
                .get("/", this::list)
                .post("/check", this::check)
                .post("/install", this::install)
                .post("/schedule", this::schedule)
                .post("/kits", this::importKit)
                .build();
    }

    private void list(ApiCall call) throws IOException {
        RequestAccess.administrator(call.request(), ADMINISTRATORS_ONLY);
        call.ok(state(updates.channels()));
    }

    private void check(ApiCall call) throws IOException {
        RequestAccess.administrator(call.request(), ADMINISTRATORS_ONLY);
        call.ok(state(updates.checkAll()));
    }

    private void install(ApiCall call) throws IOException {
        RequestAccess.administrator(call.request(), ADMINISTRATORS_ONLY);
        JsonObject body = call.body();
        if (JsonRequests.bool(body, "todas", false)) {
            JsonObject answer = new JsonObject();
            answer.add("resultados", outcomes(updates.installAll()));
            call.ok(answer);
            return;
        }
        InstallOutcome outcome;
        try {
            outcome = updates.install(JsonRequests.string(body, "canal"), JsonRequests.string(body, "ruta"));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(404, "No disponible", e.getMessage());
        }
        JsonObject answer = new JsonObject();
        answer.add("resultados", outcomes(List.of(outcome)));
        if (!outcome.installed()) {
            throw new ProblemException(422, "No se instaló", outcome.message()).with("resultados",
                    answer.get("resultados"));
        }
        call.ok(answer);
    }

    private void schedule(ApiCall call) throws IOException {
        RequestAccess.administrator(call.request(), ADMINISTRATORS_ONLY);
        JsonObject body = call.body();
        Instant at;
        try {
            at = Instant.parse(JsonRequests.string(body, "fecha"));
        } catch (DateTimeParseException e) {
            throw ProblemException.badField("fecha", "La fecha debe ser un instante como 2026-12-10T04:00:00Z.");
        }
        try {
            updates.schedule(JsonRequests.string(body, "canal"), JsonRequests.string(body, "ruta"), at);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, "No se programó", e.getMessage());
        }
        call.ok(state(updates.channels()));
    }

    private void importKit(ApiCall call) throws IOException {
        RequestAccess.administrator(call.request(), ADMINISTRATORS_ONLY);
        String name = call.request().getParameter("archivo");
        java.nio.file.Path kit = mx.cte.core.http.RequestBodies.toTemporaryFile(call.request(),
                ChannelUpdates.MAX_KIT_BYTES, "Un kit no pasa de " + ChannelUpdates.MAX_KIT_BYTES / (1024 * 1024)
                + " MB");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(kit)) {
            updates.importKit(name == null || name.isBlank() ? "kit.zip" : name, in);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, "Kit no válido", e.getMessage());
        } finally {
            java.nio.file.Files.deleteIfExists(kit);
        }
        call.ok(state(updates.channels()));
    }

    private JsonObject state(List<ChannelStatus> channels) {
        JsonObject answer = new JsonObject();
        JsonArray list = new JsonArray();
        for (ChannelStatus status : channels) {
            JsonObject item = new JsonObject();
            item.addProperty("canal", status.name());
            item.addProperty("url", status.url());
            item.addProperty("publicador", status.publisher());
            item.addProperty("automatica", status.automatic());
            item.addProperty("revisado", text(status.checkedAt()));
            item.addProperty("versionIndice", status.indexVersion());
            item.addProperty("vence", text(status.expires()));
            item.addProperty("problema", status.problem());
            list.add(item);
        }
        answer.add("canales", list);
        JsonArray artifacts = new JsonArray();
        for (ChannelArtifact artifact : updates.available()) {
            JsonObject item = new JsonObject();
            item.addProperty("canal", artifact.channel());
            item.addProperty("ruta", artifact.path());
            item.addProperty("tipo", artifact.kind());
            item.addProperty("clave", artifact.key());
            item.addProperty("edicion", artifact.edition());
            item.addProperty("publicador", artifact.publisher());
            item.addProperty("titulo", artifact.title());
            item.addProperty("plataforma", artifact.platform());
            item.addProperty("estado", artifact.status().wireName());
            item.addProperty("programada", text(artifact.scheduledAt()));
            artifacts.add(item);
        }
        answer.add("artefactos", artifacts);
        return answer;
    }

    private static JsonArray outcomes(List<InstallOutcome> outcomes) {
        JsonArray list = new JsonArray();
        for (InstallOutcome outcome : outcomes) {
            JsonObject item = new JsonObject();
            item.addProperty("canal", outcome.channel());
            item.addProperty("ruta", outcome.path());
            item.addProperty("instalada", outcome.installed());
            item.addProperty("bundle", outcome.bundleId());
            item.addProperty("mensaje", outcome.message());
            list.add(item);
        }
        return list;
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
