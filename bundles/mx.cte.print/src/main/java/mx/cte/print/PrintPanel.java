package mx.cte.print;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The print module's panels: on a school's home the links to its documents, on the supervisor's and the state
 * authority's homes the link to their results as a workbook; served from this bundle's {@code /ui-editor} folder at
 * {@code /ui/paneles/{lugar}/{bundle}/} (a pattern of its own: Pax Web refuses a pattern two bundles share): the homes
 * show them while the module is installed.
 */
@Component(service = PrintPanel.class)
@HttpWhiteboardResource(pattern = {"/ui/paneles/escuela/mx.cte.print/*", "/ui/paneles/zona/mx.cte.print/*",
    "/ui/paneles/entidad/mx.cte.print/*"}, prefix = "/ui-editor")
public final class PrintPanel {
}
