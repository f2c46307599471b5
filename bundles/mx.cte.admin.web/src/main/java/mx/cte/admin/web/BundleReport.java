package mx.cte.admin.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Dictionary;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/** One bundle of the platform as the administration page shows it. */
final class BundleReport {

    static final String GUIDE_HEADER = "CTE-Guide";
    static final String PACK_HEADER = "CTE-Resource-Pack";
    static final String PLATFORM_PREFIX = "mx.cte.";

    private BundleReport() {
    }

    /** The platform's own bundles, and guide bundles and resource packs whatever their publisher named them. */
    static boolean belongsToPlatform(Bundle bundle) {
        String name = bundle.getSymbolicName();
        Dictionary<String, String> headers = bundle.getHeaders("");
        return name != null && (name.startsWith(PLATFORM_PREFIX) || headers.get(GUIDE_HEADER) != null
                || headers.get(PACK_HEADER) != null);
    }

    /**
     * @param module     the title of the module the bundle serves, or null
     * @param components its components, or null when the component runtime is not there to ask
     */
    static JsonObject of(Bundle bundle, String module, JsonArray components) {
        Dictionary<String, String> headers = bundle.getHeaders("");
        JsonObject json = new JsonObject();
        json.addProperty("id", bundle.getBundleId());
        json.addProperty("nombreSimbolico", bundle.getSymbolicName());
        json.addProperty("nombre", headers.get(Constants.BUNDLE_NAME) != null ? headers.get(Constants.BUNDLE_NAME)
                : bundle.getSymbolicName());
        json.addProperty("version", bundle.getVersion().toString());
        json.addProperty("tipo", headers.get(GUIDE_HEADER) != null ? "guia"
                : headers.get(PACK_HEADER) != null ? "paquete" : "plataforma");
        json.addProperty("estado", state(bundle.getState()));
        json.addProperty("modulo", module);
        if (components != null) {
            json.add("componentes", components);
            int failing = 0;
            for (JsonElement component : components) {
                failing += ComponentReport.works(component.getAsJsonObject()) ? 0 : 1;
            }
            json.addProperty("componentesConProblemas", failing);
        }
        return json;
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "activo";
            case Bundle.RESOLVED -> "detenido";
            case Bundle.INSTALLED -> "sin-resolver";
            case Bundle.STARTING -> "iniciando";
            case Bundle.STOPPING -> "deteniendose";
            default -> "desinstalado";
        };
    }
}
