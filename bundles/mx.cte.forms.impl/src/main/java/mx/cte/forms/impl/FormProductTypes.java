package mx.cte.forms.impl;

import java.util.List;
import mx.cte.guide.api.ProductForm;
import mx.cte.guide.spi.ProductTypeDefinition;
import mx.cte.guide.spi.ProductTypeRegistrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The four product types a guide lays out itself; with this module a guide that uses them is satisfied. */
@Component
public final class FormProductTypes {

    static final List<ProductTypeDefinition> TYPES = List.of(
            new ProductTypeDefinition(ProductForm.TABLE, "Tabla",
                    "Una tabla con las columnas que la guía indica; la escuela agrega las filas."),
            new ProductTypeDefinition(ProductForm.FORM, "Formulario",
                    "Un formato breve con los campos que la guía indica."),
            new ProductTypeDefinition(ProductForm.CHECKLIST, "Lista de cotejo",
                    "Los elementos que la guía lista, cada uno con una de sus respuestas y un comentario."),
            new ProductTypeDefinition(ProductForm.RUBRIC, "Rúbrica",
                    "Los criterios que la guía lista, cada uno en uno de sus niveles, con un comentario."));

    private final ProductTypeRegistrations registrations;

    @Activate
    public FormProductTypes(BundleContext context) {
        registrations = ProductTypeRegistrations.register(context, TYPES);
    }

    @Deactivate
    void deactivate() {
        registrations.close();
    }
}
