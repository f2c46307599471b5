package mx.cte.print;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The print module's panels: on a school's home the links to its documents, on the supervisor's and the state
 * authority's homes the link to their results as a workbook; served from this bundle's {@code /ui-editor} folder at
 * {@code /ui/paneles/{lugar}/}: the homes show them while the module is installed.
 */
@Component(service = PrintPanel.class)
@HttpWhiteboardResource(pattern = {"/ui/paneles/escuela/*", "/ui/paneles/zona/*", "/ui/paneles/entidad/*"},
    prefix = "/ui-editor")
public final class PrintPanel {
}
