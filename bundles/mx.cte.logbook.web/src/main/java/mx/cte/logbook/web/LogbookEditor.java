package mx.cte.logbook.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The web UI's editor of the {@code acuerdo-bitacora} and {@code revision-acuerdos} products, served from this
 * bundle's {@code /ui-editor} folder at {@code /ui/modulos/{tipo}/}: the UI loads it for the activities whose product
 * is an agreement or the review of earlier ones; and the zone council's agreements on the supervisor's home
 * ({@code /ui/paneles/zona/}). They leave with the module.
 */
@Component(service = LogbookEditor.class)
@HttpWhiteboardResource(pattern = {"/ui/modulos/acuerdo-bitacora/*", "/ui/modulos/revision-acuerdos/*",
    "/ui/paneles/zona/mx.cte.logbook.web/*"}, prefix = "/ui-editor")
public final class LogbookEditor {
}
