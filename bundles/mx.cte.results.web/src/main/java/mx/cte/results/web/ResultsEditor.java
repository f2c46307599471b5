package mx.cte.results.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The web UI's editors of this module's product types (activities 1 to 7 of the third session), served from this
 * bundle's {@code /ui-editor} folder: the UI loads {@code /ui/modulos/{tipo}/editor.js} for the activities whose
 * product they are, and they leave with the module. The same folder gives the zone's and the state's homes their
 * results panels ({@code /ui/paneles/zona/{bundle}/}, {@code /ui/paneles/entidad/{bundle}/}: docs/adr/0001-web-ui.md).
 */
@Component(service = ResultsEditor.class)
@HttpWhiteboardResource(pattern = {"/ui/modulos/cuadro-resultados/*", "/ui/modulos/valoracion-grupo/*",
    "/ui/modulos/coincidencias-grado/*", "/ui/modulos/valoracion-estrategia-global/*", "/ui/modulos/sintesis-equipo/*",
    "/ui/modulos/concentrado-escuela/*", "/ui/modulos/vinculo-ruta-mejora/*", "/ui/paneles/zona/mx.cte.results.web/*",
    "/ui/paneles/entidad/mx.cte.results.web/*"}, prefix = "/ui-editor")
public final class ResultsEditor {
}
