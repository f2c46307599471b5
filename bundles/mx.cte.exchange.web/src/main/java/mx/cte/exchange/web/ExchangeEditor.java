package mx.cte.exchange.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The web UI's editors of the exchange module's products (activities 14 to 20 of the third session: the collective
 * texts and the problem presentation; the fourth session's group, peers screen and free texts), served from this
 * bundle's {@code /ui-editor} folder at {@code /ui/modulos/{tipo}/}, and the zone's exchange groups on the supervisor's
 * home ({@code /ui/paneles/zona/}); they leave with the module.
 */
@Component(service = ExchangeEditor.class)
@HttpWhiteboardResource(pattern = {"/ui/modulos/lluvia-ideas/*", "/ui/modulos/destacados-lectura/*",
    "/ui/modulos/texto-escuela/*", "/ui/modulos/contraste-practica/*", "/ui/modulos/comentarios-colectivo/*",
    "/ui/modulos/presentacion-problematica/*", "/ui/modulos/agrupacion-escuelas/*",
    "/ui/modulos/recomendaciones-escuelas/*", "/ui/modulos/texto-libre/*", "/ui/paneles/zona/mx.cte.exchange.web/*"},
    prefix = "/ui-editor")
public final class ExchangeEditor {
}
