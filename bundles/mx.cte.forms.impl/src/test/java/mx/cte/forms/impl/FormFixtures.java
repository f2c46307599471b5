package mx.cte.forms.impl;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import mx.cte.guide.api.Activity;
import mx.cte.guide.api.Block;
import mx.cte.guide.api.FieldKind;
import mx.cte.guide.api.FormField;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.guide.api.GuideSource;
import mx.cte.guide.api.GuideStatus;
import mx.cte.guide.api.Participation;
import mx.cte.guide.api.ProductForm;
import mx.cte.guide.api.ProductRef;
import mx.cte.guide.api.Publisher;
import mx.cte.guide.api.Section;
import mx.cte.guide.api.SectionKind;

/** A guide of the later shape whose activity 2 asks for a table and a checklist, and activity 3 for a form. */
final class FormFixtures {

    static final String SESSION = "SEP:2019-2020:primaria:ordinaria-2";

    static final ProductForm PUPILS_TABLE = new ProductForm(List.of(
            new FormField("alumno", "Alumno", FieldKind.TEXT, List.of(), true),
            new FormField("area", "Área", FieldKind.CHOICE, List.of("Lectura", "Escritura", "Matemáticas"), true),
            new FormField("apoyo", "Apoyo acordado", FieldKind.LONG_TEXT, List.of(), false),
            new FormField("sesiones", "Sesiones de apoyo", FieldKind.NUMBER, List.of(), false),
            new FormField("desde", "Desde", FieldKind.DATE, List.of(), false),
            new FormField("avisado", "Se avisó a la familia", FieldKind.YES_NO, List.of(), false)),
            List.of(), List.of());

    static final ProductForm CLASSROOM_CHECKLIST = new ProductForm(List.of(),
            List.of("Hay materiales al alcance", "Los acuerdos están a la vista"), List.of("No", "En proceso", "Sí"));

    static final ProductForm VISIT_FORM = new ProductForm(List.of(
            new FormField("fecha", "Fecha de la visita", FieldKind.DATE, List.of(), true),
            new FormField("observaciones", "Observaciones", FieldKind.LONG_TEXT, List.of(), false)),
            List.of(), List.of());

    private FormFixtures() {
    }

    static Activity activity(int number, ProductRef... products) {
        return new Activity(number, String.valueOf(number), "", false, List.of(Participation.common("colectivo")),
                List.of(new Block.Paragraph("Registren lo que acuerden.")), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, null, 0, List.of(products));
    }

    static GuideRegistry guides() {
        return activeGuide(SESSION, List.of(activity(2, new ProductRef(ProductForm.TABLE, "Alumnos que requieren"
                + " apoyo", "", false, PUPILS_TABLE), new ProductRef(ProductForm.CHECKLIST, "Condiciones del aula", "",
                        false, CLASSROOM_CHECKLIST), new ProductRef("texto-libre", "Reflexión", "", false)),
                activity(3, new ProductRef(ProductForm.FORM, "Visita", "", false, VISIT_FORM))));
    }

    /** A registry whose only guide is the session's, active, with these activities in one part. */
    static GuideRegistry activeGuide(String session, List<Activity> activities) {
        Guide guide = new Guide(2, GuideId.parse(session), List.of(), "1.0.0", "Sesión", "",
                new Publisher("SEP", "SEP", List.of()), List.of(), List.of(), null, null, null, List.of(),
                List.of(new Section("s", SectionKind.PART, "", "", false, "", 0, List.of(), null, null, null,
                        List.of(), List.of(), activities, List.of(), List.of(), List.of())),
                List.of(), List.of(), List.of(), null, null);
        GuideEdition edition = new GuideEdition(guide, GuideStatus.ACTIVE, java.util.Set.of(),
                new GuideSource(1, "guia", "1.0.0", "guide.json"));
        return (GuideRegistry) Proxy.newProxyInstance(FormFixtures.class.getClassLoader(),
                new Class<?>[] {GuideRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "active" -> args[0].equals(guide.id()) ? Optional.of(edition) : Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
