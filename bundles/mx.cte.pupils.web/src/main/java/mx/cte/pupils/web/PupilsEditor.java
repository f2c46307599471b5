package mx.cte.pupils.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The pupils' screens, served from this bundle's {@code /ui-editor} folder: the session screen's editor of the
 * {@code revision-alumnos} product (a group's pupils, for the director and the group's teachers, and who teaches each
 * group), the same review of the current school year on the school's home, and the zone's counts without names on
 * the supervisor's home. They leave with the module.
 */
@Component(service = PupilsEditor.class)
@HttpWhiteboardResource(pattern = {"/ui/modulos/revision-alumnos/*", "/ui/paneles/escuela/mx.cte.pupils.web/*",
    "/ui/paneles/zona/mx.cte.pupils.web/*"}, prefix = "/ui-editor")
public final class PupilsEditor {
}
