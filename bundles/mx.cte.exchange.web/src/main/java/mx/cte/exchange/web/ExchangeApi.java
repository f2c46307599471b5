package mx.cte.exchange.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import mx.cte.cards.api.InterventionCard;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonBinding.Member;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.Routes;
import mx.cte.core.http.ServiceCalls;
import mx.cte.exchange.api.Contribution;
import mx.cte.exchange.api.Exchange;
import mx.cte.exchange.api.MessageKind;
import mx.cte.exchange.api.PeerMessage;
import mx.cte.exchange.api.Presentation;
import mx.cte.exchange.api.TextKind;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.State;
import mx.cte.schools.api.ZoneId;
import mx.cte.security.api.Caller;
import mx.cte.security.api.Role;
import mx.cte.security.http.RequestAccess;

/**
 * The exchange between schools: per school its collective texts, its presentation, its peers, their cards and the
 * messages between them (its staff; its presentation, once published, for the zone); per zone the suggested and
 * confirmed groups (its supervision); per state the suggestion across it (its authority).
 */
final class ExchangeApi {

    private static final String INVALID = "Intercambio no válido";

    private final Exchange exchange;
    private final SchoolDirectory directory;

    ExchangeApi(Exchange exchange, SchoolDirectory directory) {
        this.exchange = exchange;
        this.directory = directory;
    }

    Routes routes() {
        return Routes.builder()
                .get("/zones/{zona}/suggestion", this::zoneSuggestion)
                .get("/zones/{zona}/groups", this::zoneGroups)
                .get("/zones/{zona}/presentations", this::zonePresentations)
                .put("/zones/{zona}/groups", this::confirmGroups)
                .get("/states/{entidad}/suggestion", this::stateSuggestion)
                .get("/{cct}/presentation", this::presentation)
                .put("/{cct}/presentation", this::savePresentation)
                .put("/{cct}/presentation/publication", this::publish)
                .get("/{cct}/texts", this::texts)
                .get("/{cct}/activities/{actividad:int}/texts/{tipo}", call -> text(call, activity(call)))
                .put("/{cct}/activities/{actividad:int}/texts/{tipo}", call -> writeText(call, activity(call)))
                .post("/{cct}/activities/{actividad:int}/texts/{tipo}/contributions",
                        call -> contribute(call, activity(call)))
                // Without the activity (0: the guide's first activity of that kind): edits kept in a browser's
                // outbox before texts were kept per activity.
                .put("/{cct}/texts/{tipo}", call -> writeText(call, 0))
                .post("/{cct}/texts/{tipo}/contributions", call -> contribute(call, 0))
                .delete("/{cct}/contributions/{id:int}", this::removeContribution)
                .get("/{cct}/peers", this::peers)
                .get("/{cct}/peers/{par}/cards", this::peerCards)
                .get("/{cct}/messages", this::messages)
                .post("/{cct}/messages", this::send)
                .post("/{cct}/cards", this::copyCard)
                .build();
    }

    record GroupsBody(@Member(value = "sesion", optional = true) String session,
            @Member("grupos") List<List<String>> groups) {
    }

    record TextBody(@Member(value = "sesion", optional = true) String session,
            @Member(value = "texto", optional = true) String text, long version) {
    }

    record ContributionBody(@Member(value = "sesion", optional = true) String session,
            @Member(value = "lectura", optional = true) String reading,
            @Member(value = "texto", optional = true) String text) {
    }

    record PresentationBody(@Member(value = "sesion", optional = true) String session,
            @Member(value = "problema", optional = true) String problem,
            @Member(value = "causas", optional = true) String causes,
            @Member(value = "acciones", optional = true) String actions,
            @Member(value = "resultados", optional = true) String results,
            @Member(value = "practicas", optional = true) String practices,
            @Member(value = "areas", optional = true) List<String> areas,
            @Member(value = "grados", optional = true) List<Integer> grades, long version) {
    }

    record PublicationBody(@Member(value = "sesion", optional = true) String session,
            @Member("publicado") boolean published) {
    }

    record MessageBody(@Member(value = "sesion", optional = true) String session,
            @Member(value = "para", optional = true) String to, @Member(value = "tipo", optional = true) String kind,
            @Member(value = "texto", optional = true) String text) {
    }

    record CopyBody(@Member(value = "sesion", optional = true) String session,
            @Member(value = "escuela", optional = true) String school, @Member("tarjeta") long card) {
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** The exchange's own store away (a module being swapped) is a 503, not the client's mistake. */
    private static <T> T call(Supplier<T> work) {
        try {
            return ServiceCalls.call(INVALID, work);
        } catch (IllegalStateException moduleAway) {
            throw new ProblemException(503, "Módulo no disponible", moduleAway.getMessage()).retryAfter(1);
        }
    }

    private static String session(ApiCall call) {
        return call.query("sesion").orElseThrow(() -> ProblemException.badField("sesion",
                "Indique la sesión: ?sesion=SEP:2016-2017:preescolar:ordinaria-3"));
    }

    private static int groupSize(ApiCall call) {
        return call.queryNumber("tamano", 3, 0, 9);
    }

    private Caller staff(ApiCall call, Cct school) {
        return RequestAccess.staff(call, directory, school,
                "Solo el personal de la escuela " + school + " participa en su intercambio.");
    }

    private static Cct school(ApiCall call) {
        return RequestAccess.school(call);
    }

    /** The zone, if the caller may organise its exchange (its supervision, its state's authority). */
    private static ZoneId readableZone(ApiCall call) {
        return RequestAccess.readableZone(call, zone -> "Solo la supervisión de la zona " + zone
                + " y la autoridad de su entidad organizan su intercambio.");
    }

    private void zoneSuggestion(ApiCall call) throws IOException {
        ZoneId zone = readableZone(call);
        String session = session(call);
        int size = groupSize(call);
        call.ok(ExchangeJson.json(call(() -> exchange.suggestZone(zone, session, size))));
    }

    private void zoneGroups(ApiCall call) throws IOException {
        ZoneId zone = readableZone(call);
        String session = session(call);
        call.ok(ExchangeJson.groups(call(() -> exchange.groups(zone, session))));
    }

    private void zonePresentations(ApiCall call) throws IOException {
        ZoneId zone = readableZone(call);
        String session = session(call);
        JsonArray published = new JsonArray();
        for (Presentation presentation : call(() -> exchange.publishedPresentations(zone, session))) {
            JsonObject json = ExchangeJson.json(presentation, false);
            directory.school(presentation.school()).ifPresent(s -> json.addProperty("nombre", s.name()));
            published.add(json);
        }
        JsonObject body = new JsonObject();
        body.addProperty("sesion", session);
        body.add("presentaciones", published);
        call.ok(body);
    }

    private void confirmGroups(ApiCall call) throws IOException {
        Caller caller = RequestAccess.caller(call.request());
        ZoneId zone = call.path("zona", ZoneId::parse);
        if (caller.grants().stream().noneMatch(g -> g.role() == Role.SUPERVISOR && g.scope().equals(zone.key()))) {
            throw ProblemException.forbidden("Solo la supervisión de la zona " + zone + " confirma sus grupos.");
        }
        GroupsBody body = call.body(GroupsBody.class);
        List<List<Cct>> groups = new ArrayList<>();
        for (int i = 0; i < body.groups().size(); i++) {
            List<Cct> schools = new ArrayList<>();
            for (int j = 0; j < body.groups().get(i).size(); j++) {
                schools.add(ApiCall.parsed("grupos[" + i + "][" + j + "]", body.groups().get(i).get(j), Cct::parse));
            }
            groups.add(schools);
        }
        call.ok(ExchangeJson.groups(call(() -> exchange.confirmGroups(zone, text(body.session()), groups,
                caller.username()))));
    }

    private void stateSuggestion(ApiCall call) throws IOException {
        State state = RequestAccess.authorityState(call, s -> "Solo la autoridad educativa de " + s.displayName()
                + " agrupa las escuelas de toda la entidad.");
        String session = session(call);
        int size = groupSize(call);
        call.ok(ExchangeJson.json(call(() -> exchange.suggestState(state, session, size))));
    }

    /**
     * The school's staff get what they saved, or a draft from their concentrate ({@code ?periodo=}, or with
     * {@code borrador=true}); the zone's other readers get it once published.
     */
    private void presentation(ApiCall call) throws IOException {
        Caller caller = RequestAccess.caller(call.request());
        Cct school = school(call);
        RequestAccess.readableSchool(caller, directory, school);
        String session = session(call);
        Presentation saved = call(() -> exchange.presentation(school, session)).orElse(null);
        if (!caller.isStaffOf(school)) {
            if (saved == null || !saved.published()) {
                throw ProblemException.forbidden("La escuela " + school + " aún no publica su presentación.");
            }
            call.ok(ExchangeJson.json(saved, false));
            return;
        }
        String period = call.query("periodo").orElse(null);
        if (saved == null && period == null) {
            throw ProblemException.notFound("La escuela aún no guarda su presentación; pida el borrador con"
                    + " ?periodo= (el periodo de su concentrado, p. ej. 2016-11)");
        }
        boolean wantsDraft = saved == null || "true".equals(call.query("borrador").orElse(null));
        JsonObject answer = wantsDraft ? ExchangeJson.json(call(() -> exchange.draft(school, session, period)), true)
                : ExchangeJson.json(saved, false);
        // Once the supervision formed the groups with it, a published presentation can no longer be withdrawn.
        answer.addProperty("agrupada", !call(() -> exchange.peers(school, session)).isEmpty());
        call.ok(answer);
    }

    private void savePresentation(ApiCall call) throws IOException {
        Cct school = school(call);
        Caller caller = staff(call, school);
        PresentationBody body = call.body(PresentationBody.class);
        Presentation presentation = new Presentation(school, text(body.session()), text(body.problem()),
                text(body.causes()), text(body.actions()), text(body.results()), text(body.practices()),
                body.areas(), body.grades(), null, body.version());
        call.ok(ExchangeJson.json(call(() -> exchange.savePresentation(school, presentation, body.version(),
                caller.username())), false));
    }

    private void publish(ApiCall call) throws IOException {
        Cct school = school(call);
        Caller caller = staff(call, school);
        PublicationBody body = call.body(PublicationBody.class);
        RequestAccess.directedSchool(caller, directory, school, "Solo la dirección de la escuela " + school
                + " publica su presentación a la zona o la retira.");
        call.ok(ExchangeJson.json(call(() -> exchange.publish(school, text(body.session()), body.published(),
                caller.username())), false));
    }

    private void texts(ApiCall call) throws IOException {
        Cct school = school(call);
        staff(call, school);
        String session = session(call);
        JsonArray texts = new JsonArray();
        call(() -> exchange.texts(school, session)).forEach(t -> texts.add(ExchangeJson.json(t)));
        JsonObject body = new JsonObject();
        body.addProperty("sesion", session);
        body.add("textos", texts);
        call.ok(body);
    }

    private static int activity(ApiCall call) {
        long number = call.pathNumber("actividad");
        if (number < 1 || number > 999) {
            throw ProblemException.badField("actividad", "El número de la actividad va de 1 a 999, no " + number + ".");
        }
        return (int) number;
    }

    private void text(ApiCall call, int activity) throws IOException {
        Cct school = school(call);
        staff(call, school);
        TextKind kind = call(() -> TextKind.parse(call.path("tipo")));
        String session = session(call);
        call.ok(ExchangeJson.json(call(() -> exchange.text(school, session, activity, kind))));
    }

    private void writeText(ApiCall call, int activity) throws IOException {
        Cct school = school(call);
        Caller caller = staff(call, school);
        TextKind kind = call(() -> TextKind.parse(call.path("tipo")));
        TextBody body = call.body(TextBody.class);
        call.ok(ExchangeJson.json(call(() -> exchange.writeText(school, text(body.session()), activity, kind,
                text(body.text()), body.version(), caller.username()))));
    }

    private void contribute(ApiCall call, int activity) throws IOException {
        Cct school = school(call);
        Caller caller = staff(call, school);
        TextKind kind = call(() -> TextKind.parse(call.path("tipo")));
        ContributionBody body = call.body(ContributionBody.class);
        Contribution added = call(() -> exchange.contribute(school, text(body.session()), activity, kind,
                text(body.reading()), text(body.text()), caller.username()));
        call.answer(201, ExchangeJson.json(added));
    }

    private void removeContribution(ApiCall call) throws IOException {
        Cct school = school(call);
        Caller caller = staff(call, school);
        long id = call.pathNumber("id");
        call(() -> {
            exchange.removeContribution(school, id, caller.username());
            return null;
        });
        call.noContent();
    }

    private void peers(ApiCall call) throws IOException {
        Cct school = school(call);
        staff(call, school);
        String session = session(call);
        JsonArray peers = new JsonArray();
        for (Cct peer : call(() -> exchange.peers(school, session))) {
            JsonObject json = new JsonObject();
            json.addProperty("escuela", peer.value());
            directory.school(peer).ifPresent(s -> json.addProperty("nombre", s.name()));
            call(() -> exchange.peerPresentation(school, session, peer))
                    .ifPresent(p -> json.add("presentacion", ExchangeJson.json(p, false)));
            peers.add(json);
        }
        JsonObject body = new JsonObject();
        body.addProperty("sesion", session);
        body.add("pares", peers);
        call.ok(body);
    }

    private void peerCards(ApiCall call) throws IOException {
        Cct school = school(call);
        staff(call, school);
        String session = session(call);
        Cct peer = call.path("par", RequestAccess::cct);
        JsonArray found = new JsonArray();
        for (InterventionCard card : call(() -> exchange.peerCards(school, session, peer))) {
            JsonObject json = new JsonObject();
            json.addProperty("id", card.id());
            json.addProperty("titulo", card.content().title());
            json.addProperty("descripcion", card.content().description());
            json.addProperty("accionesAula", card.content().classroomActions());
            json.addProperty("decision", card.decision().wireName());
            found.add(json);
        }
        JsonObject body = new JsonObject();
        body.addProperty("escuela", peer.value());
        body.add("tarjetas", found);
        call.ok(body);
    }

    private void messages(ApiCall call) throws IOException {
        Cct school = school(call);
        staff(call, school);
        String session = session(call);
        JsonArray messages = new JsonArray();
        call(() -> exchange.messages(school, session)).forEach(m -> messages.add(ExchangeJson.json(m)));
        JsonObject body = new JsonObject();
        body.add("mensajes", messages);
        call.ok(body);
    }

    private void send(ApiCall call) throws IOException {
        Cct school = school(call);
        Caller caller = staff(call, school);
        MessageBody body = call.body(MessageBody.class);
        Cct to = ccts("para", body.to());
        MessageKind kind = call(() -> MessageKind.parse(text(body.kind())));
        PeerMessage sent = call(() -> exchange.send(school, text(body.session()), to, kind, text(body.text()),
                caller.username()));
        call.answer(201, ExchangeJson.json(sent));
    }

    private void copyCard(ApiCall call) throws IOException {
        Cct school = school(call);
        Caller caller = staff(call, school);
        CopyBody body = call.body(CopyBody.class);
        Cct peer = ccts("escuela", body.school());
        InterventionCard copy = call(() -> exchange.copyCard(school, text(body.session()), peer, body.card(),
                caller.username()));
        JsonObject json = new JsonObject();
        json.addProperty("id", copy.id());
        json.addProperty("titulo", copy.content().title());
        if (copy.copiedFrom() != null) {
            json.addProperty("copiadaDe", copy.copiedFrom().school().value());
            json.addProperty("tarjetaOriginal", copy.copiedFrom().cardId());
        }
        call.created("/api/v1/cards/" + school.value() + "/" + copy.id(), json);
    }

    /** A CCT named in a body member; a 400 naming the member when it is not one. */
    private static Cct ccts(String member, String value) {
        return ApiCall.parsed(member, text(value), Cct::parse);
    }
}
