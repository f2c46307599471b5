package mx.cte.logbook.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The web UI's editor of the {@code acuerdo-bitacora} product, served from this bundle's {@code /ui-editor} folder at
 * {@code /ui/modulos/acuerdo-bitacora/}: the UI loads it for the activities whose product is an agreement, and it
 * leaves with the module.
 */
@Component(service = LogbookEditor.class)
@HttpWhiteboardResource(pattern = "/ui/modulos/acuerdo-bitacora/*", prefix = "/ui-editor")
public final class LogbookEditor {
}
