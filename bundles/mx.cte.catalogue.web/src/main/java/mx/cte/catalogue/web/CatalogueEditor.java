package mx.cte.catalogue.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The web UI's editors of the {@code clasificacion-recursos} and {@code seleccion-recursos} products (activities 8 and
 * 9 of the third session), served from this bundle's {@code /ui-editor} folder at {@code /ui/modulos/{tipo}/}; they
 * leave with the module.
 */
@Component(service = CatalogueEditor.class)
@HttpWhiteboardResource(pattern = {"/ui/modulos/clasificacion-recursos/*", "/ui/modulos/seleccion-recursos/*"},
        prefix = "/ui-editor")
public final class CatalogueEditor {
}
