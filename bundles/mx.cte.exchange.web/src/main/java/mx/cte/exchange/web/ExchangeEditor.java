package mx.cte.exchange.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The web UI's editors of the exchange module's products (activities 14 to 20 of the third session: the collective
 * texts and the problem presentation), served from this bundle's {@code /ui-editor} folder at
 * {@code /ui/modulos/{tipo}/}; they leave with the module.
 */
@Component(service = ExchangeEditor.class)
@HttpWhiteboardResource(pattern = {"/ui/modulos/lluvia-ideas/*", "/ui/modulos/destacados-lectura/*",
    "/ui/modulos/texto-escuela/*", "/ui/modulos/contraste-practica/*", "/ui/modulos/comentarios-colectivo/*",
    "/ui/modulos/presentacion-problematica/*"}, prefix = "/ui-editor")
public final class ExchangeEditor {
}
