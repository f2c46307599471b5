package mx.cte.guide.publishing;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import mx.cte.guide.api.GuideEdition;

/** An edition as the publishing endpoints answer it. */
final class PublishingJson {

    private PublishingJson() {
    }

    static JsonObject edition(GuideEdition edition) {
        JsonObject json = new JsonObject();
        json.addProperty("clave", edition.key());
        json.addProperty("edicion", edition.version());
        json.addProperty("estado", edition.status().wireName());
        JsonArray missing = new JsonArray();
        edition.missingProductTypes().forEach(missing::add);
        json.add("tiposFaltantes", missing);
        json.addProperty("bundle", edition.source().bundleId());
        return json;
    }
}
