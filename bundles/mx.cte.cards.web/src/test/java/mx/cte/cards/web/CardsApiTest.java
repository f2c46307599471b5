package mx.cte.cards.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import mx.cte.cards.api.CardComment;
import mx.cte.cards.api.CardDraft;
import mx.cte.cards.api.CardQuery;
import mx.cte.cards.api.Decision;
import mx.cte.cards.api.FollowUp;
import mx.cte.cards.api.InterventionCard;
import mx.cte.cards.api.InterventionCards;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.schools.api.Cct;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import mx.cte.storage.api.StaleVersionException;
import org.junit.Test;

/** The cards' routes over a card library kept in memory. */
public class CardsApiTest {

    private static final String CARD = "{\"periodo\":\"2016-2017/1\",\"sesion\":\"3\","
            + "\"titulo\":\"Cuentos en voz alta\","
            + "\"desafios\":[4,\"Escuchar con atención\",{\"renglon\":7,\"texto\":\"Conteo\"}],"
            + "\"materiales\":[\"Libro del rincón\",{\"recurso\":12,\"titulo\":\"Lotería de números\"}],"
            + "\"grados\":[2,1,2],\"grupos\":[\"2A\"],\"semanas\":4,\"responsables\":[\"docente.ana\"]}";

    /** Versions, schools and the title rule: enough to see every answer of the HTTP layer. */
    private static final class MemoryCards implements InterventionCards {
        final Map<Long, InterventionCard> cards = new TreeMap<>();
        final List<CardQuery> queries = new ArrayList<>();
        final List<String> removals = new ArrayList<>();

        private InterventionCard stored(Cct school, long id) {
            InterventionCard card = cards.get(id);
            if (card == null || !card.school().equals(school)) {
                throw new NoSuchElementException("La escuela no tiene la tarjeta " + id + ".");
            }
            return card;
        }

        private InterventionCard checked(Cct school, long id, long expectedVersion) {
            InterventionCard card = stored(school, id);
            if (card.version() != expectedVersion) {
                throw new StaleVersionException("tarjeta " + id, expectedVersion, card.version());
            }
            return card;
        }

        private InterventionCard put(InterventionCard card) {
            cards.put(card.id(), card);
            return card;
        }

        private static InterventionCard with(InterventionCard c, CardDraft content, Decision decision, String note,
                List<CardComment> comments, List<FollowUp> followUps) {
            return new InterventionCard(c.id(), c.school(), content, decision, note, comments, followUps,
                    c.createdBy(), c.createdAt(), c.copiedFrom(), c.version() + 1);
        }

        @Override
        public InterventionCard create(Cct school, CardDraft draft, String author) {
            if (draft.title().isEmpty()) {
                throw new IllegalArgumentException("titulo: escriba el nombre de la propuesta");
            }
            long id = cards.size() + 1L;
            return put(new InterventionCard(id, school, draft, Decision.PENDIENTE, "", List.of(), List.of(), author,
                    Instant.EPOCH, null, 1));
        }

        @Override
        public InterventionCard update(Cct school, long id, CardDraft draft, long expectedVersion, String author) {
            InterventionCard card = checked(school, id, expectedVersion);
            return put(with(card, draft, card.decision(), card.decisionNote(), card.comments(), card.followUps()));
        }

        @Override
        public void remove(Cct school, long id, long expectedVersion, String author) {
            checked(school, id, expectedVersion);
            cards.remove(id);
        }

        @Override
        public InterventionCard card(Cct school, long id) {
            return stored(school, id);
        }

        @Override
        public List<InterventionCard> search(Cct school, CardQuery query) {
            queries.add(query);
            return cards.values().stream().filter(c -> c.school().equals(school)).toList();
        }

        @Override
        public CardComment comment(Cct school, long id, boolean suggestion, String text, String author) {
            InterventionCard card = stored(school, id);
            List<CardComment> comments = new ArrayList<>(card.comments());
            CardComment added = new CardComment(comments.size() + 1L, suggestion, text, author, Instant.EPOCH);
            comments.add(added);
            // as the service: a comment does not change the card's version
            cards.put(id, new InterventionCard(id, school, card.content(), card.decision(), card.decisionNote(),
                    comments, card.followUps(), card.createdBy(), card.createdAt(), card.copiedFrom(),
                    card.version()));
            return added;
        }

        @Override
        public InterventionCard changeComment(Cct school, long id, long commentId, boolean suggestion, String text,
                String author) {
            InterventionCard card = stored(school, id);
            List<CardComment> comments = new ArrayList<>();
            for (CardComment comment : card.comments()) {
                if (comment.id() == commentId && !comment.author().equals(author)) {
                    throw new SecurityException("Solo quien escribió el comentario lo cambia");
                }
                comments.add(comment.id() == commentId ? new CardComment(commentId, suggestion, text, author,
                        comment.createdAt()) : comment);
            }
            return put(with(card, card.content(), card.decision(), card.decisionNote(), comments, card.followUps()));
        }

        @Override
        public InterventionCard removeComment(Cct school, long id, long commentId, String by, boolean director) {
            InterventionCard card = stored(school, id);
            removals.add(commentId + " by " + by + (director ? " (director)" : ""));
            List<CardComment> comments = new ArrayList<>(card.comments());
            comments.removeIf(c -> c.id() == commentId);
            return put(with(card, card.content(), card.decision(), card.decisionNote(), comments, card.followUps()));
        }

        @Override
        public InterventionCard decide(Cct school, long id, Decision decision, String note, long expectedVersion,
                String author) {
            InterventionCard card = checked(school, id, expectedVersion);
            return put(with(card, card.content(), decision, note, card.comments(), card.followUps()));
        }

        @Override
        public InterventionCard followUp(Cct school, long id, String session, boolean applied, String observedResults,
                String author) {
            InterventionCard card = stored(school, id);
            List<FollowUp> followUps = new ArrayList<>(card.followUps());
            followUps.add(new FollowUp(followUps.size() + 1L, session, applied, observedResults, author,
                    Instant.EPOCH));
            return put(with(card, card.content(), card.decision(), card.decisionNote(), card.comments(), followUps));
        }

        @Override
        public InterventionCard copy(Cct from, long id, Cct to, String author) {
            throw new UnsupportedOperationException("copies go through the exchange");
        }
    }

    private final MemoryCards cards = new MemoryCards();
    private final CardsServlet servlet = new CardsServlet(cards, ApiFixtures.directory());

    private FakeHttp.Response send(Caller caller, String method, String path, String json) {
        FakeRequest request = FakeRequest.of(method, "/api/v1/cards", path);
        return ApiFixtures.send(servlet, caller, json == null ? request : request.json(json));
    }

    @Test
    public void aCardKeepsEveryFormOfChallengeAndMaterial() {
        FakeHttp.Response created = send(ApiFixtures.TEACHER, "POST", "/15EJN0101A", CARD);
        assertEquals(created.body(), 201, created.status);
        assertEquals("/api/v1/cards/15EJN0101A/1", created.headers.get("Location"));
        JsonObject card = created.json();
        assertEquals("[{\"renglon\":4,\"texto\":\"\"},{\"texto\":\"Escuchar con atención\"},"
                + "{\"renglon\":7,\"texto\":\"Conteo\"}]", card.get("desafios").toString());
        assertEquals("[{\"titulo\":\"Libro del rincón\"},{\"recurso\":12,\"titulo\":\"Lotería de números\"}]",
                card.get("materiales").toString());
        assertEquals("[1,2]", card.get("grados").toString());
        assertEquals(4, card.get("semanas").getAsInt());
    }

    @Test
    public void theSearchReadsItsFiltersAndRefusesABadOneByName() {
        send(ApiFixtures.TEACHER, "POST", "/15EJN0101A", CARD);
        FakeHttp.Response found = send(ApiFixtures.SUPERVISOR, "GET", "/15EJN0101A", null);
        assertEquals(1, found.json().getAsJsonArray("tarjetas").size());

        FakeRequest filtered = FakeRequest.of("GET", "/api/v1/cards", "/15EJN0101A").query("q", "cuentos")
                .query("grado", "2").query("decision", "redisenar").query("periodo", "2016-2017/1");
        assertEquals(200, ApiFixtures.send(servlet, ApiFixtures.TEACHER, filtered).status);
        assertEquals(new CardQuery("cuentos", 2, Decision.REDISENAR, "2016-2017/1"), cards.queries.get(1));

        FakeHttp.Response badDecision = ApiFixtures.send(servlet, ApiFixtures.TEACHER,
                FakeRequest.of("GET", "/api/v1/cards", "/15EJN0101A").query("decision", "quizas"));
        assertEquals(400, badDecision.status);
        assertEquals("decision", badDecision.json().get("campo").getAsString());
        FakeHttp.Response badGrade = ApiFixtures.send(servlet, ApiFixtures.TEACHER,
                FakeRequest.of("GET", "/api/v1/cards", "/15EJN0101A").query("grado", "segundo"));
        assertEquals("grado", badGrade.json().get("campo").getAsString());
    }

    @Test
    public void commentsDecisionAndFollowUpsReachTheCard() {
        send(ApiFixtures.TEACHER, "POST", "/15EJN0101A", CARD);
        FakeHttp.Response commented = send(ApiFixtures.DIRECTOR, "POST", "/15EJN0101A/1/comments",
                "{\"sugerencia\":true,\"texto\":\"Sumar a las familias\"}");
        assertEquals(201, commented.status);
        assertEquals("the answer is the comment, not the card", "Sumar a las familias",
                commented.json().get("texto").getAsString());
        assertTrue(commented.json().get("sugerencia").getAsBoolean());
        assertEquals("/api/v1/cards/15EJN0101A/1/comments/1", commented.headers.get("Location"));
        FakeHttp.Response decided = send(ApiFixtures.DIRECTOR, "PUT", "/15EJN0101A/1/decision",
                "{\"decision\":\"estrategia-global\",\"nota\":\"Acordado en plenaria\",\"version\":1}");
        assertEquals(decided.body(), 200, decided.status);
        assertEquals("estrategia-global", decided.json().get("decision").getAsString());
        FakeHttp.Response followed = send(ApiFixtures.TEACHER, "POST", "/15EJN0101A/1/follow-ups",
                "{\"sesion\":\"4\",\"aplicada\":true,\"resultados\":\"Más participación\"}");
        assertEquals(201, followed.status);
        JsonObject card = followed.json();
        assertEquals(1, card.getAsJsonArray("comentarios").size());
        assertEquals(true, card.getAsJsonArray("seguimiento").get(0).getAsJsonObject().get("aplicada").getAsBoolean());

        FakeHttp.Response unknownDecision = send(ApiFixtures.DIRECTOR, "PUT", "/15EJN0101A/1/decision",
                "{\"decision\":\"quizas\",\"version\":4}");
        assertEquals(422, unknownDecision.status);

        FakeHttp.Response notHers = send(ApiFixtures.TEACHER, "PUT", "/15EJN0101A/1/comments/1",
                "{\"sugerencia\":false,\"texto\":\"Otro\"}");
        assertEquals("a comment is changed only by its author", 403, notHers.status);
        FakeHttp.Response changed = send(ApiFixtures.DIRECTOR, "PUT", "/15EJN0101A/1/comments/1",
                "{\"sugerencia\":false,\"texto\":\"Sumar a las familias y al consejo\"}");
        assertEquals(changed.body(), 200, changed.status);
        assertEquals("Sumar a las familias y al consejo", changed.json().getAsJsonArray("comentarios").get(0)
                .getAsJsonObject().get("texto").getAsString());
        assertEquals(200, send(ApiFixtures.DIRECTOR, "DELETE", "/15EJN0101A/1/comments/1", null).status);
        assertEquals("the director's removal says so", List.of("1 by directora (director)"), cards.removals);
    }

    @Test
    public void staleChangesAre409WithTheCardAsItIsNow() {
        send(ApiFixtures.TEACHER, "POST", "/15EJN0101A", CARD);
        assertEquals(200, send(ApiFixtures.TEACHER, "PUT", "/15EJN0101A/1",
                CARD.replace("}", ",\"version\":1}").replace("Cuentos", "Lectura")).status);
        FakeHttp.Response stale = send(ApiFixtures.TEACHER, "PUT", "/15EJN0101A/1",
                CARD.replace("}", ",\"version\":1}"));
        assertEquals(409, stale.status);
        assertEquals("Lectura en voz alta", stale.json().getAsJsonObject("actual").get("titulo").getAsString());

        FakeHttp.Response staleRemoval = ApiFixtures.send(servlet, ApiFixtures.TEACHER,
                FakeRequest.of("DELETE", "/api/v1/cards", "/15EJN0101A/1").query("version", "1"));
        assertEquals(409, staleRemoval.status);
        FakeHttp.Response noVersion = send(ApiFixtures.TEACHER, "DELETE", "/15EJN0101A/1", null);
        assertEquals(400, noVersion.status);
        assertEquals("version", noVersion.json().get("campo").getAsString());
        FakeHttp.Response removed = ApiFixtures.send(servlet, ApiFixtures.TEACHER,
                FakeRequest.of("DELETE", "/api/v1/cards", "/15EJN0101A/1").query("version", "2"));
        assertEquals(204, removed.status);
        assertTrue(cards.cards.isEmpty());
    }

    @Test
    public void mistakesNameTheirFieldAndInvalidContentIs422() {
        FakeHttp.Response badChallenge = send(ApiFixtures.TEACHER, "POST", "/15EJN0101A",
                "{\"titulo\":\"x\",\"desafios\":[true]}");
        assertEquals(400, badChallenge.status);
        assertEquals("desafios[0]", badChallenge.json().get("campo").getAsString());
        FakeHttp.Response badGrade = send(ApiFixtures.TEACHER, "POST", "/15EJN0101A",
                "{\"titulo\":\"x\",\"grados\":[\"segundo\"]}");
        assertEquals("grados[0]", badGrade.json().get("campo").getAsString());
        FakeHttp.Response noTitle = send(ApiFixtures.TEACHER, "POST", "/15EJN0101A", "{\"descripcion\":\"x\"}");
        assertEquals(422, noTitle.status);
        assertEquals("Tarjeta no válida", noTitle.json().get("title").getAsString());
        assertTrue(cards.cards.isEmpty());
    }

    @Test
    public void onlyTheSchoolsStaffWritesAndOtherSchoolsAreClosed() {
        assertEquals(403, send(ApiFixtures.SUPERVISOR, "POST", "/15EJN0101A", CARD).status);
        assertEquals(403, send(ApiFixtures.OTHER_TEACHER, "GET", "/15EJN0101A", null).status);
        assertEquals(403, send(ApiFixtures.OTHER_TEACHER, "GET", "/15EJN0101A/1", null).status);
        assertEquals(401, send(null, "GET", "/15EJN0101A", null).status);
        assertTrue(cards.cards.isEmpty());
        assertEquals(404, send(ApiFixtures.TEACHER, "GET", "/15EJN0101A/99", null).status);
        assertEquals(404, send(ApiFixtures.TEACHER, "GET", "/15EJN0101A/1/notes", null).status);
        assertEquals("PUT", send(ApiFixtures.TEACHER, "POST", "/15EJN0101A/1/decision", "{}")
                .headers.get("Allow"));
    }
}
