package mx.cte.catalogue.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import mx.cte.catalogue.api.Classification;
import mx.cte.catalogue.api.Resource;
import mx.cte.catalogue.api.ResourceCatalogue;
import mx.cte.catalogue.api.ResourceDraft;
import mx.cte.catalogue.api.ResourceKind;
import mx.cte.catalogue.api.ResourcePack;
import mx.cte.catalogue.api.ResourcePage;
import mx.cte.catalogue.api.ResourceQuery;
import mx.cte.catalogue.api.Selection;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.schools.api.Cct;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import mx.cte.storage.api.StaleVersionException;
import org.junit.Test;

/** The catalogue's routes over a catalogue kept in memory, with one read-only pack entry (id 100). */
public class CatalogueApiTest {

    private static final String BOOK = "{\"titulo\":\"El libro de los cuentos\",\"tipo\":\"libro\",\"autor\":\"SEP\","
            + "\"grados\":[3,1],\"areas\":[\"Lenguaje\"],\"compartido\":true}";

    private static final class MemoryCatalogue implements ResourceCatalogue {
        final Map<Long, Resource> resources = new TreeMap<>();
        final List<ResourceQuery> queries = new ArrayList<>();
        final List<Selection> selections = new ArrayList<>();

        MemoryCatalogue() {
            resources.put(100L, new Resource(100, null, new Resource.PackRef("sep-2016", "Acervo SEP", "SEP"),
                    new ResourceDraft("Fichero de actividades", ResourceKind.LIBRO, "SEP", "", "", List.of(), List.of(),
                            "", true), "SEP", List.of(), 0));
        }

        private Resource own(Cct school, long id, long expectedVersion) {
            Resource resource = find(school, id).orElseThrow(() -> new NoSuchElementException("No existe " + id));
            if (resource.readOnly()) {
                throw new IllegalStateException("El recurso " + id + " es de un paquete y no se modifica.");
            }
            if (resource.version() != expectedVersion) {
                throw new StaleVersionException("recurso " + id, expectedVersion, resource.version());
            }
            return resource;
        }

        @Override
        public Resource add(Cct school, ResourceDraft draft, String author) {
            if (draft.title().isEmpty() || draft.kind() == null) {
                throw new IllegalArgumentException("titulo y tipo: indique ambos");
            }
            long id = resources.size() + 1L;
            Resource resource = new Resource(id, school, null, draft, author, List.of(), 1);
            resources.put(id, resource);
            return resource;
        }

        @Override
        public Resource adopt(Cct school, long resourceId, String author) {
            Resource shared = resources.get(resourceId);
            return add(school, shared.content(), author);
        }

        @Override
        public Resource update(Cct school, long id, ResourceDraft draft, long expectedVersion, String author) {
            Resource current = own(school, id, expectedVersion);
            Resource changed = new Resource(id, school, null, draft, current.proposedBy(), current.classifications(),
                    current.version() + 1);
            resources.put(id, changed);
            return changed;
        }

        @Override
        public void remove(Cct school, long id, long expectedVersion, String author) {
            own(school, id, expectedVersion);
            resources.remove(id);
        }

        @Override
        public Optional<Resource> find(Cct school, long id) {
            return Optional.ofNullable(resources.get(id)).filter(r -> r.school() == null || r.school().equals(school));
        }

        @Override
        public ResourcePage search(Cct school, ResourceQuery query) {
            queries.add(query);
            List<Resource> found = resources.values().stream()
                    .filter(r -> r.school() == null || r.school().equals(school)).toList();
            return new ResourcePage(found.size(), found, Map.of(), 12);
        }

        @Override
        public List<Classification> criteria(String session) {
            if (!session.equals("SEP:2016-2017:preescolar:ordinaria-3")) {
                throw new NoSuchElementException("No está instalada la guía " + session);
            }
            return List.of(new Classification(session, "a", "Favorece el lenguaje oral"));
        }

        @Override
        public Resource classify(Cct school, long id, String session, List<String> criteria, long expectedVersion,
                String author) {
            Resource current = own(school, id, expectedVersion);
            Resource changed = new Resource(id, school, null, current.content(), current.proposedBy(),
                    criteria.stream().map(c -> new Classification(session, c, c)).toList(), current.version() + 1);
            resources.put(id, changed);
            return changed;
        }

        @Override
        public Selection select(Cct school, String period, long resourceId, long challengeId, String note,
                String author) {
            Resource resource = find(school, resourceId).orElseThrow(() -> new NoSuchElementException("No existe"));
            Selection selection = new Selection(selections.size() + 1L, period, resource, challengeId, note, author);
            selections.add(selection);
            return selection;
        }

        @Override
        public void unselect(Cct school, long selectionId, String author) {
            if (!selections.removeIf(s -> s.id() == selectionId)) {
                throw new NoSuchElementException("No existe la selección " + selectionId);
            }
        }

        @Override
        public List<Selection> selection(Cct school, String period) {
            return selections.stream().filter(s -> s.period().equals(period)).toList();
        }

        @Override
        public List<ResourcePack> packs() {
            return List.of(new ResourcePack("sep-2016", "Acervo SEP", "SEP", "1.0.0", "mx.sep.acervo/1.0.0", 1,
                    List.of()), new ResourcePack("roto", "Roto", "SEP", "1.0.0", "mx.sep.roto/1.0.0", 0,
                    List.of("recursos.json, línea 3: falta 'titulo'")));
        }
    }

    private final MemoryCatalogue catalogue = new MemoryCatalogue();
    private final CatalogueServlet servlet = new CatalogueServlet(catalogue, ApiFixtures.directory());

    private FakeHttp.Response send(Caller caller, FakeRequest request) {
        return ApiFixtures.send(servlet, caller, request);
    }

    private static FakeRequest request(String method, String path) {
        return FakeRequest.of(method, "/api/v1/catalogue", path);
    }

    @Test
    public void aSchoolAddsAResourceFindsItAndSelectsIt() {
        FakeHttp.Response added = send(ApiFixtures.TEACHER, request("POST", "/15EJN0101A/resources").json(BOOK));
        assertEquals(added.body(), 201, added.status);
        assertEquals("/api/v1/catalogue/15EJN0101A/resources/2", added.headers.get("Location"));
        assertEquals("[1,3]", added.json().get("grados").toString());

        FakeHttp.Response page = send(ApiFixtures.SUPERVISOR, request("GET", "/15EJN0101A/resources")
                .query("q", "cuentos").query("tipo", "libro").query("cuantos", "50"));
        assertEquals(200, page.status);
        assertEquals(2, page.json().get("total").getAsInt());
        assertEquals(50, catalogue.queries.get(0).limit());
        assertEquals(ResourceKind.LIBRO, catalogue.queries.get(0).kind());

        FakeHttp.Response selected = send(ApiFixtures.TEACHER, request("POST", "/15EJN0101A/selection")
                .json("{\"periodo\":\"2016-11\",\"recurso\":2,\"nota\":\"Para la actividad 21\"}"));
        assertEquals(201, selected.status);
        assertEquals(1, send(ApiFixtures.TEACHER, request("GET", "/15EJN0101A/selection").query("periodo", "2016-11"))
                .json().getAsJsonArray("seleccion").size());
        assertEquals(204, send(ApiFixtures.TEACHER, request("DELETE", "/15EJN0101A/selection/1")).status);
        assertEquals(404, send(ApiFixtures.TEACHER, request("DELETE", "/15EJN0101A/selection/1")).status);
    }

    @Test
    public void aPackEntryIsReadOnlyAndAStaleChangeIs409WithTheCurrentResource() {
        FakeHttp.Response packEntry = send(ApiFixtures.TEACHER, request("PUT", "/15EJN0101A/resources/100")
                .json(BOOK.replace("}", ",\"version\":0}")));
        assertEquals(409, packEntry.status);
        assertEquals("Recurso de solo lectura", packEntry.json().get("title").getAsString());

        send(ApiFixtures.TEACHER, request("POST", "/15EJN0101A/resources").json(BOOK));
        assertEquals(200, send(ApiFixtures.TEACHER, request("PUT", "/15EJN0101A/resources/2/classification")
                .json("{\"sesion\":\"SEP:2016-2017:preescolar:ordinaria-3\",\"criterios\":[\"a\"],\"version\":1}"))
                .status);
        FakeHttp.Response stale = send(ApiFixtures.TEACHER, request("PUT", "/15EJN0101A/resources/2")
                .json(BOOK.replace("}", ",\"version\":1}")));
        assertEquals(409, stale.status);
        assertEquals(2, stale.json().getAsJsonObject("actual").get("version").getAsInt());
        assertEquals(400, send(ApiFixtures.TEACHER, request("DELETE", "/15EJN0101A/resources/2")).status);
        assertEquals(204, send(ApiFixtures.TEACHER, request("DELETE", "/15EJN0101A/resources/2")
                .query("version", "2")).status);
    }

    @Test
    public void mistakesInParametersAndBodiesNameTheirField() {
        FakeHttp.Response noSession = send(ApiFixtures.TEACHER, request("GET", "/criteria"));
        assertEquals(400, noSession.status);
        assertEquals("sesion", noSession.json().get("campo").getAsString());
        assertEquals(404, send(ApiFixtures.TEACHER, request("GET", "/criteria").query("sesion", "X:1")).status);
        assertEquals(1, send(ApiFixtures.TEACHER, request("GET", "/criteria")
                .query("sesion", "SEP:2016-2017:preescolar:ordinaria-3")).json().getAsJsonArray("criterios").size());

        for (String[] bad : new String[][] {{"tipo", "pelicula"}, {"grado", "tercero"}, {"cuantos", "500"},
                {"desde", "-1"}}) {
            FakeHttp.Response refused = send(ApiFixtures.TEACHER, request("GET", "/15EJN0101A/resources")
                    .query(bad[0], bad[1]));
            assertEquals(bad[0], 400, refused.status);
            assertEquals(bad[0], refused.json().get("campo").getAsString());
        }
        FakeHttp.Response criterionAlone = send(ApiFixtures.TEACHER, request("GET", "/15EJN0101A/resources")
                .query("criterio", "a"));
        assertEquals(400, criterionAlone.status);

        FakeHttp.Response badKind = send(ApiFixtures.TEACHER, request("POST", "/15EJN0101A/resources")
                .json(BOOK.replace("\"libro\"", "\"pelicula\"")));
        assertEquals(422, badKind.status);
        FakeHttp.Response noCriteria = send(ApiFixtures.TEACHER,
                request("PUT", "/15EJN0101A/resources/2/classification").json("{\"version\":1}"));
        assertEquals(400, noCriteria.status);
        assertEquals("criterios", noCriteria.json().get("campo").getAsString());
        assertEquals(1, catalogue.resources.size());
    }

    @Test
    public void packsAreListedWithTheRefusedOnesAndTheirProblems() {
        FakeHttp.Response packs = send(ApiFixtures.SUPERVISOR, request("GET", "/packs"));
        assertEquals(1, packs.json().getAsJsonArray("paquetes").size());
        assertTrue(packs.json().getAsJsonArray("rechazados").get(0).getAsJsonObject().getAsJsonArray("problemas")
                .get(0).getAsString().contains("línea 3"));
        assertEquals(401, send(null, request("GET", "/packs")).status);
    }

    @Test
    public void onlyTheSchoolsStaffChangesItsCatalogue() {
        assertEquals(403, send(ApiFixtures.SUPERVISOR, request("POST", "/15EJN0101A/resources").json(BOOK)).status);
        assertEquals(403, send(ApiFixtures.OTHER_TEACHER, request("GET", "/15EJN0101A/resources")).status);
        assertEquals(403, send(ApiFixtures.OTHER_TEACHER, request("DELETE", "/15EJN0101A/selection/1")).status);
        assertEquals(1, catalogue.resources.size());
        assertEquals("GET, HEAD, POST", send(ApiFixtures.TEACHER, request("PUT", "/15EJN0101A/selection"))
                .headers.get("Allow"));
    }
}
