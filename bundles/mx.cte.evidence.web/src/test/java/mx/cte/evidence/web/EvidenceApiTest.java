package mx.cte.evidence.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.evidence.api.Evidence;
import mx.cte.evidence.api.EvidenceFile;
import mx.cte.evidence.api.EvidenceOwner;
import mx.cte.evidence.api.EvidenceStore;
import mx.cte.schools.api.Cct;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import org.junit.Test;

/** The evidence routes over a store kept in memory: what staff and readers get for each request. */
public class EvidenceApiTest {

    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    /** Keeps what it is sent; refuses what does not start as a PDF, naming 'archivo' as the module does. */
    private static final class MemoryStore implements EvidenceStore {
        final TreeMap<Long, EvidenceFile> files = new TreeMap<>();

        @Override
        public Evidence attach(Cct school, EvidenceOwner owner, String fileName, String description,
                InputStream content, String author) {
            byte[] bytes;
            try {
                bytes = content.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!new String(bytes, StandardCharsets.ISO_8859_1).startsWith("%PDF-")) {
                throw InvalidContentException.of("archivo", "no es una foto JPG o PNG ni un PDF");
            }
            long id = files.size() + 1L;
            Evidence evidence = new Evidence(id, school, owner, fileName, description == null ? "" : description,
                    "application/pdf", bytes.length, 0, 0, bytes.length, author, Instant.EPOCH);
            files.put(id, new EvidenceFile(evidence, bytes));
            return evidence;
        }

        @Override
        public List<Evidence> of(Cct school, EvidenceOwner owner) {
            return files.values().stream().map(EvidenceFile::evidence)
                    .filter(e -> e.school().equals(school) && e.owner().equals(owner)).toList();
        }

        @Override
        public Optional<EvidenceFile> file(Cct school, long id) {
            return Optional.ofNullable(files.get(id)).filter(f -> f.evidence().school().equals(school));
        }

        @Override
        public List<EvidenceFile> filesOf(Cct school, EvidenceOwner owner) {
            return files.values().stream().filter(f -> f.evidence().school().equals(school)
                    && f.evidence().owner().equals(owner)).toList();
        }

        @Override
        public mx.cte.evidence.api.EvidenceUsage usage(Cct school) {
            return new mx.cte.evidence.api.EvidenceUsage(files.values().stream().filter(f -> f.evidence().school()
                    .equals(school)).mapToLong(f -> f.content().length).sum(), 500L * 1024 * 1024);
        }

        @Override
        public void remove(Cct school, long id, String author) {
            file(school, id).orElseThrow(() -> new NoSuchElementException("La escuela no tiene la evidencia " + id));
            files.remove(id);
        }
    }

    private final MemoryStore store = new MemoryStore();
    private final EvidenceServlet servlet = new EvidenceServlet(store, ApiFixtures.directory());

    private FakeHttp.Response send(Caller caller, FakeRequest request) {
        return ApiFixtures.send(servlet, caller, request);
    }

    private static FakeRequest request(String method, String path) {
        return FakeRequest.of(method, "/api/v1/evidence", path);
    }

    @Test
    public void aTeacherAttachesAPdfToAnAgreementAndTheSupervisorListsAndOpensIt() {
        FakeHttp.Response created = send(ApiFixtures.TEACHER, request("POST", "/15EJN0101A/owners/acuerdo/7")
                .query("nombre", "Cartel del aula.pdf").query("descripcion", "Foto del cartel")
                .body("application/octet-stream", PDF));
        assertEquals(created.body(), 201, created.status);
        assertEquals("/api/v1/evidence/15EJN0101A/files/1", created.headers.get("Location"));
        assertEquals("Cartel del aula.pdf", created.json().get("nombre").getAsString());

        FakeHttp.Response listed = send(ApiFixtures.SUPERVISOR, request("GET", "/15EJN0101A/owners/acuerdo/7"));
        assertEquals("the school's space used, so its staff see it filling", PDF.length, listed.json()
                .getAsJsonObject("espacio").get("usado").getAsLong());
        assertEquals(200, listed.status);
        JsonObject first = listed.json().getAsJsonArray("evidencias").get(0).getAsJsonObject();
        assertEquals("/api/v1/evidence/15EJN0101A/files/1", first.get("archivo").getAsString());

        FakeHttp.Response file = send(ApiFixtures.SUPERVISOR, request("GET", "/15EJN0101A/files/1"));
        assertEquals(200, file.status);
        assertEquals("application/pdf", file.contentType);
        assertTrue(file.body().startsWith("%PDF-"));
        assertEquals("sandbox", file.headers.get("Content-Security-Policy"));
        assertTrue(file.headers.get("Content-Disposition"), file.headers.get("Content-Disposition")
                .startsWith("attachment; filename=\"Cartel del aula.pdf\""));
    }

    @Test
    public void whatIsNotEvidenceOrNotTheCallersIsRefusedNamingWhy() {
        FakeHttp.Response notAFile = send(ApiFixtures.TEACHER, request("POST", "/15EJN0101A/owners/acuerdo/7")
                .body("text/html", "<script>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, notAFile.status);
        assertEquals("archivo", notAFile.json().get("campo").getAsString());
        FakeHttp.Response badOwner = send(ApiFixtures.TEACHER, request("POST", "/15EJN0101A/owners/Acuerdo!/7")
                .body("application/pdf", PDF));
        assertEquals(400, badOwner.status);
        assertEquals("dueno", badOwner.json().get("campo").getAsString());

        assertEquals(403, send(ApiFixtures.SUPERVISOR, request("POST", "/15EJN0101A/owners/acuerdo/7")
                .body("application/pdf", PDF)).status);
        assertEquals(403, send(ApiFixtures.OTHER_TEACHER, request("POST", "/15EJN0101A/owners/acuerdo/7")
                .body("application/pdf", PDF)).status);
        assertTrue(store.files.isEmpty());

        send(ApiFixtures.TEACHER, request("POST", "/15EJN0101A/owners/acuerdo/7").body("application/pdf", PDF));
        assertEquals(403, send(ApiFixtures.OTHER_TEACHER, request("GET", "/15EJN0101A/files/1")).status);
        assertEquals(403, send(ApiFixtures.SUPERVISOR, request("DELETE", "/15EJN0101A/files/1")).status);
        assertEquals(404, send(ApiFixtures.TEACHER, request("GET", "/15EJN0101A/files/9")).status);
        assertEquals(404, send(ApiFixtures.TEACHER, request("DELETE", "/15EJN0101A/files/9")).status);
        assertEquals(204, send(ApiFixtures.DIRECTOR, request("DELETE", "/15EJN0101A/files/1")).status);
        assertTrue(store.files.isEmpty());
    }

    @Test
    public void aNameWithAccentsTravelsWholeAndInPlainLettersForOldClients() {
        assertEquals("Cartel de Educacion Fisica _1_.pdf", EvidenceApi.asciiName("Cartel de Educación Física «1».pdf"));
    }
}
