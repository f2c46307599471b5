package mx.cte.cards.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import mx.cte.cards.api.CardComment;
import mx.cte.cards.api.CardDraft;
import mx.cte.cards.api.CardQuery;
import mx.cte.cards.api.Challenge;
import mx.cte.cards.api.Decision;
import mx.cte.cards.api.InterventionCard;
import mx.cte.cards.api.InterventionCards;
import mx.cte.cards.api.Material;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonBinding;
import mx.cte.core.http.JsonBinding.Member;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.Routes;
import mx.cte.core.http.ServiceCalls;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;

/**
 * A school's intervention cards, for its staff (read and write), its zone's supervisor and its state's authority
 * (read): the library searched by text, grade, decision and period; a card; its comments, the collective's decision
 * and the follow-ups of later sessions.
 */
final class CardsApi {

    private static final String INVALID = "Tarjeta no válida";

    private final InterventionCards cards;
    private final SchoolDirectory directory;

    CardsApi(InterventionCards cards, SchoolDirectory directory) {
        this.cards = cards;
        this.directory = directory;
    }

    Routes routes() {
        return Routes.builder()
                .get("/{cct}", this::search)
                .post("/{cct}", this::create)
                .get("/{cct}/{id:int}", this::card)
                .put("/{cct}/{id:int}", this::update)
                .delete("/{cct}/{id:int}", this::remove)
                .post("/{cct}/{id:int}/comments", this::comment)
                .put("/{cct}/{id:int}/comments/{comentario:int}", this::changeComment)
                .delete("/{cct}/{id:int}/comments/{comentario:int}", this::removeComment)
                .put("/{cct}/{id:int}/decision", this::decide)
                .post("/{cct}/{id:int}/follow-ups", this::followUp)
                .build();
    }

    /**
     * A card as the UI sends it. A challenge is a row of the concentrate (its number, or {@code {renglon, texto}}) or
     * a text; a material is a catalogue resource ({@code {recurso, titulo}}) or a text.
     */
    record CardBody(@Member(value = "periodo", optional = true) String period,
            @Member(value = "sesion", optional = true) String session,
            @Member(value = "desafios", optional = true) List<JsonElement> challenges,
            @Member(value = "titulo", optional = true) String title,
            @Member(value = "descripcion", optional = true) String description,
            @Member(value = "accionesAula", optional = true) String classroomActions,
            @Member(value = "accionesEscuela", optional = true) String schoolActions,
            @Member(value = "materiales", optional = true) List<JsonElement> materials,
            @Member(value = "adecuaciones", optional = true) String adequations,
            @Member(value = "instrumentos", optional = true) String instruments,
            @Member(value = "grados", optional = true) List<Integer> grades,
            @Member(value = "grupos", optional = true) List<String> groups,
            @Member(value = "semanas", optional = true) int weeks,
            @Member(value = "responsables", optional = true) List<String> responsibles) {

        CardDraft draft() {
            return new CardDraft(period, session, parsedChallenges(), title, description, classroomActions,
                    schoolActions, parsedMaterials(), adequations, instruments, grades, groups, weeks, responsibles);
        }

        private List<Challenge> parsedChallenges() {
            List<Challenge> parsed = new ArrayList<>();
            for (int i = 0; i < challenges.size(); i++) {
                JsonElement element = challenges.get(i);
                if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
                    parsed.add(new Challenge(element.getAsLong(), ""));
                } else if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
                    parsed.add(new Challenge(0, element.getAsString()));
                } else if (element.isJsonObject()) {
                    ChallengeBody challenge = JsonBinding.bind(element.getAsJsonObject(), ChallengeBody.class);
                    parsed.add(new Challenge(challenge.row() == null ? 0 : challenge.row(), challenge.text()));
                } else {
                    throw ProblemException.badField("desafios[" + i + "]", "desafios: cada desafío es el número de"
                            + " un renglón del concentrado o su texto");
                }
            }
            return parsed;
        }

        private List<Material> parsedMaterials() {
            List<Material> parsed = new ArrayList<>();
            for (int i = 0; i < materials.size(); i++) {
                JsonElement element = materials.get(i);
                if (element.isJsonObject()) {
                    MaterialBody material = JsonBinding.bind(element.getAsJsonObject(), MaterialBody.class);
                    parsed.add(new Material(material.resource() == null ? 0 : material.resource(), material.title()));
                } else if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
                    parsed.add(new Material(0, element.getAsString()));
                } else {
                    throw ProblemException.badField("materiales[" + i + "]", "materiales: cada material es un texto"
                            + " o {\"recurso\", \"titulo\"}");
                }
            }
            return parsed;
        }
    }

    record ChallengeBody(@Member(value = "renglon", optional = true) Long row,
            @Member(value = "texto", optional = true) String text) {
    }

    record MaterialBody(@Member(value = "recurso", optional = true) Long resource,
            @Member(value = "titulo", optional = true) String title) {
    }

    record CommentBody(@Member(value = "sugerencia", optional = true) boolean suggestion,
            @Member(value = "texto", optional = true) String text) {
    }

    record FollowUpBody(@Member(value = "sesion", optional = true) String session,
            @Member(value = "aplicada", optional = true) boolean applied,
            @Member(value = "resultados", optional = true) String results) {
    }

    record DecisionBody(@Member(value = "decision", optional = true) String decision,
            @Member(value = "nota", optional = true) String note) {
    }

    /** The version a change was based on. */
    record BasedOn(long version) {
    }

    private static <T> T call(Supplier<T> work) {
        return ServiceCalls.call(INVALID, work);
    }

    /** A change to a card: a stale version is a 409 with the card as it is now. */
    private <T> T change(Cct school, long id, Supplier<T> work) {
        return ServiceCalls.call(INVALID, work, () -> CardJson.json(cards.card(school, id)));
    }

    private Cct readable(ApiCall call) {
        return RequestAccess.readableSchool(call, directory);
    }

    private Caller writer(ApiCall call, Cct school) {
        return RequestAccess.staff(call, directory, school,
                "Solo el personal de la escuela " + school + " escribe sus tarjetas.");
    }

    private void search(ApiCall call) throws IOException {
        Cct school = readable(call);
        CardQuery query = new CardQuery(call.query("q").orElse(null), call.queryNumber("grado", 0, 0, 99),
                call.query("decision", Decision::parse).orElse(null), call.query("periodo").orElse(null));
        JsonArray found = new JsonArray();
        cards.search(school, query).forEach(c -> found.add(CardJson.json(c)));
        JsonObject body = new JsonObject();
        body.addProperty("escuela", school.value());
        body.add("tarjetas", found);
        call.ok(body);
    }

    private void card(ApiCall call) throws IOException {
        Cct school = readable(call);
        call.ok(CardJson.json(call(() -> cards.card(school, call.pathNumber("id")))));
    }

    private void create(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        CardDraft draft = call.body(CardBody.class).draft();
        InterventionCard card = call(() -> cards.create(school, draft, caller.username()));
        call.created(call.uri() + "/" + card.id(), CardJson.json(card));
    }

    private void update(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        long id = call.pathNumber("id");
        CardDraft draft = call.body(CardBody.class).draft();
        long version = call.body(BasedOn.class).version();
        call.ok(CardJson.json(change(school, id, () -> cards.update(school, id, draft, version, caller.username()))));
    }

    private void remove(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        long id = call.pathNumber("id");
        long version = call.query("version").filter(v -> v.matches("\\d{1,18}")).map(Long::parseLong)
                .orElseThrow(() -> ProblemException.badField("version",
                        "Indique la versión que quiere quitar: ?version=N"));
        change(school, id, () -> {
            cards.remove(school, id, version, caller.username());
            return null;
        });
        call.noContent();
    }

    private void comment(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        CommentBody comment = call.body(CommentBody.class);
        CardComment added = call(() -> cards.comment(school, call.pathNumber("id"), comment.suggestion(),
                comment.text() == null ? "" : comment.text(), caller.username()));
        call.created(call.uri() + "/" + added.id(), CardJson.json(added));
    }

    private void changeComment(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        CommentBody comment = call.body(CommentBody.class);
        call.ok(CardJson.json(call(() -> cards.changeComment(school, call.pathNumber("id"),
                call.pathNumber("comentario"), comment.suggestion(), comment.text() == null ? "" : comment.text(),
                caller.username()))));
    }

    private void removeComment(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        call.ok(CardJson.json(call(() -> cards.removeComment(school, call.pathNumber("id"),
                call.pathNumber("comentario"), caller.username(), caller.isDirectorOf(school)))));
    }

    private void decide(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        long id = call.pathNumber("id");
        DecisionBody body = call.body(DecisionBody.class);
        long version = call.body(BasedOn.class).version();
        Decision decision = call(() -> Decision.parse(body.decision() == null ? "" : body.decision()));
        call.ok(CardJson.json(change(school, id, () -> cards.decide(school, id, decision,
                body.note() == null ? "" : body.note(), version, caller.username()))));
    }

    private void followUp(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        FollowUpBody body = call.body(FollowUpBody.class);
        call.answer(201, CardJson.json(call(() -> cards.followUp(school, call.pathNumber("id"),
                body.session() == null ? "" : body.session(), body.applied(),
                body.results() == null ? "" : body.results(), caller.username()))));
    }
}
