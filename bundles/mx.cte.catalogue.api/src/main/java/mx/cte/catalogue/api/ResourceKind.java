package mx.cte.catalogue.api;

import mx.cte.core.api.names.WireNamed;
import mx.cte.core.api.names.WireNames;

/** What kind of material a resource is. */
public enum ResourceKind implements WireNamed {
    LIBRO("libro", "Libro"),
    LECTURA("lectura", "Lectura"),
    MATERIAL_DIDACTICO("material-didactico", "Material didáctico"),
    SITIO("sitio", "Sitio o plataforma"),
    VIDEO("video", "Video"),
    AUDIO("audio", "Audio"),
    OTRO("otro", "Otro");

    private final String wireName;
    private final String title;

    ResourceKind(String wireName, String title) {
        this.wireName = wireName;
        this.title = title;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    /** @throws IllegalArgumentException naming the values it accepts */
    public static ResourceKind parse(String text) {
        return WireNames.parse(ResourceKind.class, text, "tipo", "un tipo de recurso");
    }
}
