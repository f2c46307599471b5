package mx.cte.products.text;

import mx.cte.guide.spi.ProductType;
import org.osgi.service.component.annotations.Component;

/** A text written by the collective (a brainstorm, a reflection, comments), with no structure of its own. */
@Component(service = ProductType.class)
public final class FreeTextProductType implements ProductType {

    public static final String ID = "texto-libre";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Texto libre";
    }

    @Override
    public String description() {
        return "Un texto del colectivo sin estructura propia: lluvia de ideas, reflexiones, comentarios.";
    }
}
