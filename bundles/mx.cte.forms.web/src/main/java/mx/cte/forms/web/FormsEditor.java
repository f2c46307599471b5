package mx.cte.forms.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The web UI's editor of the four product types a guide lays out itself, served from this bundle's {@code /ui-editor}
 * folder at {@code /ui/modulos/{tipo}/}: the UI loads it for the activities whose product is one of them, and it
 * leaves with the module.
 */
@Component(service = FormsEditor.class)
@HttpWhiteboardResource(pattern = {"/ui/modulos/tabla/*", "/ui/modulos/formulario/*", "/ui/modulos/lista-cotejo/*",
    "/ui/modulos/rubrica/*"}, prefix = "/ui-editor")
public final class FormsEditor {
}
