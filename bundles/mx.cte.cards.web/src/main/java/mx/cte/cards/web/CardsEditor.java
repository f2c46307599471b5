package mx.cte.cards.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The web UI's editors of the card products (activities 10 to 12 of the third session: {@code propuesta-intervencion},
 * {@code comentarios-propuesta}, {@code decision-estrategia-global}), served from this bundle's {@code /ui-editor}
 * folder at {@code /ui/modulos/{tipo}/}; they leave with the module.
 */
@Component(service = CardsEditor.class)
@HttpWhiteboardResource(pattern = {"/ui/modulos/propuesta-intervencion/*", "/ui/modulos/comentarios-propuesta/*",
    "/ui/modulos/decision-estrategia-global/*"}, prefix = "/ui-editor")
public final class CardsEditor {
}
