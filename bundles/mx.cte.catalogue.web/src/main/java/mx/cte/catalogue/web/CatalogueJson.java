package mx.cte.catalogue.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import mx.cte.catalogue.api.Classification;
import mx.cte.catalogue.api.Resource;
import mx.cte.catalogue.api.ResourceDraft;
import mx.cte.catalogue.api.ResourcePage;
import mx.cte.catalogue.api.Selection;

/** Resources, pages of a search and selections as the API writes them. */
final class CatalogueJson {

    private CatalogueJson() {
    }

    static JsonObject json(Resource resource) {
        JsonObject json = new JsonObject();
        ResourceDraft content = resource.content();
        json.addProperty("id", resource.id());
        if (resource.school() != null) {
            json.addProperty("escuela", resource.school().value());
        }
        if (resource.pack() != null) {
            JsonObject pack = new JsonObject();
            pack.addProperty("clave", resource.pack().key());
            pack.addProperty("titulo", resource.pack().title());
            pack.addProperty("editor", resource.pack().publisher());
            json.add("paquete", pack);
        }
        json.addProperty("soloLectura", resource.readOnly());
        json.addProperty("titulo", content.title());
        json.addProperty("tipo", content.kind().wireName());
        json.addProperty("nombreTipo", content.kind().title());
        json.addProperty("autor", content.author());
        json.addProperty("ubicacion", content.location());
        json.addProperty("descripcion", content.description());
        JsonArray grades = new JsonArray();
        content.grades().forEach(grades::add);
        json.add("grados", grades);
        JsonArray areas = new JsonArray();
        content.areas().forEach(areas::add);
        json.add("areas", areas);
        json.addProperty("sesion", content.session());
        json.addProperty("compartido", content.shared());
        json.addProperty("propuestoPor", resource.proposedBy());
        JsonArray classifications = new JsonArray();
        for (Classification classification : resource.classifications()) {
            JsonObject item = new JsonObject();
            item.addProperty("sesion", classification.session());
            item.addProperty("criterio", classification.criterion());
            item.addProperty("texto", classification.label());
            classifications.add(item);
        }
        json.add("clasificacion", classifications);
        json.addProperty("version", resource.version());
        return json;
    }

    static JsonObject json(ResourcePage page) {
        JsonObject json = new JsonObject();
        json.addProperty("total", page.total());
        JsonArray resources = new JsonArray();
        page.resources().forEach(r -> resources.add(json(r)));
        json.add("recursos", resources);
        JsonObject facets = new JsonObject();
        page.facets().forEach((facet, values) -> {
            JsonArray counts = new JsonArray();
            for (ResourcePage.FacetValue value : values) {
                JsonObject count = new JsonObject();
                count.addProperty("valor", value.value());
                count.addProperty("etiqueta", value.label());
                count.addProperty("cuenta", value.count());
                counts.add(count);
            }
            facets.add(facet, counts);
        });
        json.add("facetas", facets);
        json.addProperty("microsegundos", page.micros());
        return json;
    }

    static JsonObject json(Selection selection) {
        JsonObject json = new JsonObject();
        json.addProperty("id", selection.id());
        json.addProperty("periodo", selection.period());
        json.add("recurso", json(selection.resource()));
        if (selection.challengeId() != 0) {
            json.addProperty("desafio", selection.challengeId());
        }
        json.addProperty("nota", selection.note());
        json.addProperty("seleccionadoPor", selection.selectedBy());
        return json;
    }
}
