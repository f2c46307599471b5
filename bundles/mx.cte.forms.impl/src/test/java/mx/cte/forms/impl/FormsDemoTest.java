package mx.cte.forms.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mx.cte.audit.api.AuditLog;
import mx.cte.forms.api.FormContent;
import mx.cte.guide.api.Activity;
import mx.cte.guide.api.FieldKind;
import mx.cte.guide.api.FormField;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.guide.api.ProductForm;
import mx.cte.guide.api.ProductRef;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;

/**
 * The demo preschool's products of the demo's example guide: written as that guide lays them out (its descriptor in
 * the repository, read here), only while the school has written nothing there.
 */
public class FormsDemoTest {

    /** The example guide the demo distribution publishes. */
    private static final Path EXAMPLE = Path.of("../guides/mx.cte.guides.ejemplo.2019-2020.basica.ordinaria-3/src/main"
            + "/resources/guide/guide.json");

    private final FilledFormsService forms = new FilledFormsService(TestDatabases.fresh(DatabaseKind.H2),
            (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditLog.class},
                    (proxy, method, args) -> null), exampleGuide());

    /** The example's activities that ask for a product laid out by the guide, with that layout, as the guide says. */
    private static GuideRegistry exampleGuide() {
        JsonObject descriptor;
        try {
            descriptor = JsonParser.parseString(Files.readString(EXAMPLE)).getAsJsonObject();
        } catch (java.io.IOException e) {
            throw new AssertionError("The example guide is not at " + EXAMPLE.toAbsolutePath(), e);
        }
        List<Activity> activities = new ArrayList<>();
        for (JsonElement section : descriptor.getAsJsonArray("sections")) {
            JsonArray listed = section.getAsJsonObject().getAsJsonArray("activities");
            for (JsonElement element : listed == null ? new JsonArray() : listed) {
                JsonObject activity = element.getAsJsonObject();
                List<ProductRef> products = new ArrayList<>();
                for (JsonElement product : activity.getAsJsonArray("products")) {
                    JsonObject p = product.getAsJsonObject();
                    if (p.has("form")) {
                        products.add(new ProductRef(p.get("type").getAsString(), p.get("title").getAsString(), "",
                                false, form(p.getAsJsonObject("form"))));
                    }
                }
                activities.add(FormFixtures.activity(activity.get("number").getAsInt(),
                        products.toArray(ProductRef[]::new)));
            }
        }
        return FormFixtures.activeGuide(FormsDemo.SESSION, activities);
    }

    private static ProductForm form(JsonObject form) {
        List<FormField> fields = new ArrayList<>();
        for (JsonElement element : form.has("fields") ? form.getAsJsonArray("fields") : new JsonArray()) {
            JsonObject field = element.getAsJsonObject();
            List<String> options = new ArrayList<>();
            if (field.has("options")) {
                field.getAsJsonArray("options").forEach(o -> options.add(o.getAsString()));
            }
            fields.add(new FormField(field.get("name").getAsString(), field.get("label").getAsString(),
                    field.has("kind") ? FieldKind.fromWireName(field.get("kind").getAsString()) : FieldKind.TEXT,
                    options, field.has("required") && field.get("required").getAsBoolean()));
        }
        return new ProductForm(fields, strings(form, "items"), strings(form, "levels"));
    }

    private static List<String> strings(JsonObject form, String member) {
        List<String> values = new ArrayList<>();
        if (form.has(member)) {
            form.getAsJsonArray(member).forEach(v -> values.add(v.getAsString()));
        }
        return values;
    }

    @Test
    public void theDemoSchoolsProductsAreWrittenAsTheExampleGuideLaysThemOut() {
        assertTrue("the example guide asks for both products where the demo writes them",
                forms.product(FormsDemo.TABLE).isPresent() && forms.product(FormsDemo.CHECKLIST).isPresent());

        assertTrue(FormsDemo.loadIfAbsent(forms));

        FormContent table = forms.find(FormsDemo.TABLE).orElseThrow().content();
        assertEquals(List.of("1°", "2°", "3°"), table.rows().stream().map(r -> r.get("grado")).toList());
        assertTrue(table.rows().get(0).get("estrategia").endsWith("(demostración)"));
        FormContent checklist = forms.find(FormsDemo.CHECKLIST).orElseThrow().content();
        assertEquals(List.of("Sí", "En proceso", "Sí"), checklist.answers().stream().map(a -> a.level()).toList());
    }

    @Test
    public void whatTheSchoolWroteIsKept() {
        forms.save(FormsDemo.TABLE, new FormContent(List.of(Map.of("grado", "2°", "estrategia", "La nuestra")), null,
                null), 0, "directora.rosaura");
        assertTrue("the empty checklist is still written", FormsDemo.loadIfAbsent(forms));

        assertEquals("La nuestra", forms.find(FormsDemo.TABLE).orElseThrow().content().rows().get(0)
                .get("estrategia"));
        assertEquals(1, forms.find(FormsDemo.TABLE).orElseThrow().version());
        assertFalse("nothing is written twice", FormsDemo.loadIfAbsent(forms));
    }
}
