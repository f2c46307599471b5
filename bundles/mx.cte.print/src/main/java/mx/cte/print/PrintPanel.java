package mx.cte.print;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The print module's panel on a school's home (the links to its documents), served from this bundle's
 * {@code /ui-editor} folder at {@code /ui/paneles/escuela/}: the home shows it while the module is installed.
 */
@Component(service = PrintPanel.class)
@HttpWhiteboardResource(pattern = "/ui/paneles/escuela/*", prefix = "/ui-editor")
public final class PrintPanel {
}
