package mx.cte.forms.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.forms.api.FilledForm;
import mx.cte.forms.api.FilledForms;
import mx.cte.forms.api.FormContent;
import mx.cte.forms.api.ProductPlace;
import mx.cte.guide.api.FieldKind;
import mx.cte.guide.api.FormField;
import mx.cte.guide.api.ProductForm;
import mx.cte.guide.api.ProductRef;
import mx.cte.schools.api.Cct;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import mx.cte.storage.api.StaleVersionException;
import org.junit.Test;

/** The routes of the guide-configured products over products kept in memory: what staff and readers get. */
public class FormsApiTest {

    private static final String SESSION = "SEP:2019-2020:preescolar:ordinaria-2";
    private static final String TABLE_PATH = "/15EJN0101A/sessions/" + SESSION + "/activities/2/tabla";
    private static final ProductRef TABLE = new ProductRef(ProductForm.TABLE, "Alumnos que requieren apoyo", "",
            false, new ProductForm(List.of(new FormField("alumno", "Alumno", FieldKind.TEXT, List.of(), true),
                    new FormField("area", "Área", FieldKind.CHOICE, List.of("Lectura", "Escritura"), false)),
                    List.of(), List.of()));

    /** Enough of the service to see the HTTP answers: one table in activity 2, versions, a required column. */
    private static final class MemoryForms implements FilledForms {
        final Map<String, FilledForm> stored = new TreeMap<>();
        final List<FormContent> received = new ArrayList<>();

        private static String key(ProductPlace place) {
            return place.school() + "|" + place.session() + "|" + place.activity() + "|" + place.type();
        }

        @Override
        public Optional<ProductRef> product(ProductPlace place) {
            return place.session().equals(SESSION) && place.activity() == 2 && place.type().equals(ProductForm.TABLE)
                    ? Optional.of(TABLE) : Optional.empty();
        }

        @Override
        public Optional<FilledForm> find(ProductPlace place) {
            return Optional.ofNullable(stored.get(key(place)));
        }

        @Override
        public FilledForm save(ProductPlace place, FormContent content, long expectedVersion, String author) {
            received.add(content);
            long current = find(place).map(FilledForm::version).orElse(0L);
            if (current != expectedVersion) {
                throw new StaleVersionException("«Alumnos»", expectedVersion, current);
            }
            if (content.rows().stream().anyMatch(row -> row.getOrDefault("alumno", "").isBlank())) {
                throw InvalidContentException.of("filas[0].alumno", "«Alumno» no puede quedar vacío");
            }
            FilledForm saved = new FilledForm(place, content, author, Instant.EPOCH, current + 1);
            stored.put(key(place), saved);
            return saved;
        }

        @Override
        public List<FilledForm> ofSession(Cct school, String session) {
            return stored.values().stream().filter(f -> f.place().school().equals(school)
                    && f.place().session().equals(session)).toList();
        }
    }

    private final MemoryForms forms = new MemoryForms();
    private final FormsServlet servlet = new FormsServlet(forms, ApiFixtures.directory());

    private FakeHttp.Response send(Caller caller, String method, String path, String json) {
        FakeRequest request = FakeRequest.of(method, "/api/v1/forms", path);
        return ApiFixtures.send(servlet, caller, json == null ? request : request.json(json));
    }

    @Test
    public void aProductNotYetFilledComesWithItsLayoutAndVersion0() throws Exception {
        FakeHttp.Response empty = send(ApiFixtures.TEACHER, "GET", TABLE_PATH, null);

        assertEquals(empty.body(), 200, empty.status);
        JsonObject body = empty.json();
        assertEquals(0, body.get("version").getAsInt());
        assertEquals("Alumnos que requieren apoyo", body.get("titulo").getAsString());
        JsonObject area = body.getAsJsonObject("form").getAsJsonArray("fields").get(1).getAsJsonObject();
        assertEquals("opcion", area.get("kind").getAsString());
        assertEquals("Escritura", area.getAsJsonArray("options").get(1).getAsString());
        assertEquals(0, body.getAsJsonArray("filas").size());
    }

    @Test
    public void aTeacherSavesTheTableAndTheSupervisorReadsItInTheSession() throws Exception {
        FakeHttp.Response saved = send(ApiFixtures.TEACHER, "PUT", TABLE_PATH, "{\"filas\": [{\"alumno\": \"Luis\","
                + " \"area\": \"Lectura\"}, {\"alumno\": \"Ana\", \"area\": null}], \"version\": 0}");

        assertEquals(saved.body(), 200, saved.status);
        assertEquals(1, saved.json().get("version").getAsInt());
        assertEquals("Ana", saved.json().getAsJsonArray("filas").get(1).getAsJsonObject().get("alumno")
                .getAsString());
        assertEquals("", forms.received.get(0).rows().get(1).get("area"));
        FakeHttp.Response session = send(ApiFixtures.SUPERVISOR, "GET", "/15EJN0101A/sessions/" + SESSION, null);
        assertEquals(200, session.status);
        JsonObject listed = session.json().getAsJsonArray("productos").get(0).getAsJsonObject();
        assertEquals("tabla", listed.get("tipo").getAsString());
        assertEquals("Alumnos que requieren apoyo", listed.get("titulo").getAsString());
        assertEquals("docente.ana", listed.get("actualizadoPor").getAsString());
    }

    @Test
    public void aSaveBasedOnAnOldVersionIs409WithTheStoredTable() throws Exception {
        send(ApiFixtures.TEACHER, "PUT", TABLE_PATH, "{\"filas\": [{\"alumno\": \"Luis\"}], \"version\": 0}");

        FakeHttp.Response stale = send(ApiFixtures.DIRECTOR, "PUT", TABLE_PATH,
                "{\"filas\": [{\"alumno\": \"Otra\"}], \"version\": 0}");

        assertEquals(409, stale.status);
        JsonObject actual = stale.json().getAsJsonObject("actual");
        assertEquals(1, actual.get("version").getAsInt());
        assertEquals("Luis", actual.getAsJsonArray("filas").get(0).getAsJsonObject().get("alumno").getAsString());
    }

    @Test
    public void eachMistakeNamesItsPlace() throws Exception {
        FakeHttp.Response noVersion = send(ApiFixtures.TEACHER, "PUT", TABLE_PATH, "{\"filas\": []}");
        assertEquals(400, noVersion.status);
        assertEquals("version", noVersion.json().get("campo").getAsString());

        FakeHttp.Response rowNotObject = send(ApiFixtures.TEACHER, "PUT", TABLE_PATH,
                "{\"filas\": [\"Luis\"], \"version\": 0}");
        assertEquals(400, rowNotObject.status);
        assertEquals("filas[0]", rowNotObject.json().get("campo").getAsString());

        FakeHttp.Response nestedValue = send(ApiFixtures.TEACHER, "PUT", TABLE_PATH,
                "{\"filas\": [{\"alumno\": [\"Luis\"]}], \"version\": 0}");
        assertEquals(400, nestedValue.status);
        assertEquals("filas[0].alumno", nestedValue.json().get("campo").getAsString());

        FakeHttp.Response refused = send(ApiFixtures.TEACHER, "PUT", TABLE_PATH,
                "{\"filas\": [{\"alumno\": \" \"}], \"version\": 0}");
        assertEquals(422, refused.status);
        assertEquals("filas[0].alumno", refused.json().get("campo").getAsString());
        assertTrue(forms.stored.isEmpty());

        FakeHttp.Response notAsked = send(ApiFixtures.TEACHER, "GET", "/15EJN0101A/sessions/" + SESSION
                + "/activities/3/tabla", null);
        assertEquals(404, notAsked.status);
        assertTrue(notAsked.body(), notAsked.body().contains("La actividad 3 de la sesión " + SESSION));
        assertEquals(404, send(ApiFixtures.TEACHER, "GET", "/15EJN0101A/sessions/" + SESSION
                + "/activities/dos/tabla", null).status);
    }

    @Test
    public void readersMayNotWriteAndOtherSchoolsAreClosed() throws Exception {
        FakeHttp.Response supervisorWrites = send(ApiFixtures.SUPERVISOR, "PUT", TABLE_PATH,
                "{\"filas\": [{\"alumno\": \"Luis\"}], \"version\": 0}");
        assertEquals(403, supervisorWrites.status);
        assertTrue(supervisorWrites.body().contains("Solo el personal de la escuela 15EJN0101A"));
        assertEquals(403, send(ApiFixtures.OTHER_TEACHER, "GET", TABLE_PATH, null).status);
        assertEquals(403, send(ApiFixtures.OTHER_TEACHER, "PUT", TABLE_PATH,
                "{\"filas\": [{\"alumno\": \"Luis\"}], \"version\": 0}").status);
        assertTrue(forms.stored.isEmpty());
    }
}
