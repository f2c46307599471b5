package mx.cte.programme.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The programme's screens, served from this bundle's {@code /ui-editor} folder: the session screen's editor of the
 * {@code seguimiento-programa} product, on a school's home its programme (the editor for its staff, publishing for its
 * director, the follow-up per session), on the supervisor's home the zone's published programmes. They leave with the
 * module.
 */
@Component(service = ProgrammePanels.class)
@HttpWhiteboardResource(pattern = {"/ui/modulos/seguimiento-programa/*",
    "/ui/paneles/escuela/mx.cte.programme.web/*", "/ui/paneles/zona/mx.cte.programme.web/*"}, prefix = "/ui-editor")
public final class ProgrammePanels {
}
