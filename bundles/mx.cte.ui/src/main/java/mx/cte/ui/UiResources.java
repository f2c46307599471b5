package mx.cte.ui;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Serves the UI's files from this bundle's {@code /ui} folder at {@code /ui/*}. They are static: everything the pages
 * show comes from the JSON API, so a module installed later adds its data without touching this bundle.
 */
@Component(service = UiResources.class)
@HttpWhiteboardResource(pattern = "/ui/*", prefix = "/ui")
public final class UiResources {
}
