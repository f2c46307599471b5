package mx.cte.core.web;

import com.google.gson.JsonObject;
import mx.cte.core.api.health.HealthReport;

/** The public JSON form of a {@link HealthReport}. */
final class HealthJson {

    private HealthJson() {
    }

    static JsonObject toJson(HealthReport report) {
        JsonObject json = new JsonObject();
        json.addProperty("status", report.status().wireName());
        json.addProperty("version", report.platformVersion());
        json.addProperty("startedAt", report.startedAt().toString());
        json.addProperty("uptimeSeconds", report.uptime().toSeconds());
        return json;
    }
}
