package mx.cte.exchange.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.exchange.api.CollectiveText;
import mx.cte.exchange.api.Contribution;
import mx.cte.exchange.api.Exchange;
import mx.cte.exchange.api.ExchangeGroup;
import mx.cte.exchange.api.Matching;
import mx.cte.exchange.api.MessageKind;
import mx.cte.exchange.api.PeerMessage;
import mx.cte.exchange.api.Presentation;
import mx.cte.exchange.api.TextKind;
import mx.cte.schools.api.Cct;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import org.junit.Test;

/**
 * The exchange's routes over an exchange that records what it was asked: each request reaches the service call it
 * names, with its parameters read and checked, or is refused before any call.
 */
public class ExchangeApiTest {

    private static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";

    private final List<String> calls = new ArrayList<>();
    private Presentation stored;

    private final Exchange exchange = (Exchange) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Exchange.class}, (proxy, method, args) -> {
                calls.add(method.getName() + Arrays.toString(args));
                Cct school = args[0] instanceof Cct cct ? cct : ApiFixtures.SCHOOL;
                return switch (method.getName()) {
                    case "texts" -> List.of(new CollectiveText(14, TextKind.LLUVIA_IDEAS, SESSION, List.of(), "", 0));
                    case "text" -> new CollectiveText((Integer) args[2], (TextKind) args[3], SESSION, List.of(), "",
                            0);
                    case "contribute" -> new Contribution(1, (Integer) args[2], TextKind.LLUVIA_IDEAS, "", "idea",
                            "docente.ana", Instant.EPOCH);
                    case "writeText" -> new CollectiveText((Integer) args[2], (TextKind) args[3], SESSION, List.of(),
                            (String) args[4], (Long) args[5] + 1);
                    case "presentation", "peerPresentation" -> Optional.ofNullable(stored);
                    case "publishedPresentations" -> List.of(presentation(ApiFixtures.SCHOOL, true));
                    case "draft", "savePresentation", "publish" -> presentation(school,
                            method.getName().equals("publish") && (Boolean) args[2]);
                    case "suggestZone", "suggestState" -> new Matching("zona", SESSION, List.of(), List.of(),
                            List.of(ApiFixtures.OTHER_SCHOOL), List.of(), 3, List.of(new mx.cte.exchange.api.Unpaired(
                                    ApiFixtures.OTHER_SCHOOL, "Es la única escuela que publicó su presentación.")));
                    case "groups", "confirmGroups" -> List.of(new ExchangeGroup(1, List.of(ApiFixtures.SCHOOL,
                            ApiFixtures.OTHER_SCHOOL), 0.5, List.of("mismo grado")));
                    case "peers" -> List.of(ApiFixtures.OTHER_SCHOOL);
                    case "send" -> new PeerMessage(1, SESSION, school, (Cct) args[2], (MessageKind) args[3],
                            (String) args[4], (String) args[5], Instant.EPOCH);
                    case "messages", "peerCards" -> List.of();
                    case "removeContribution" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            });
    private final ExchangeServlet servlet = new ExchangeServlet(exchange, ApiFixtures.directory());

    private static Presentation presentation(Cct school, boolean published) {
        return new Presentation(school, SESSION, "Lectura", "", "", "", "", List.of(), List.of(2),
                published ? Instant.EPOCH : null, 1);
    }

    private FakeHttp.Response send(Caller caller, String method, String path, String json, String... query) {
        FakeRequest request = FakeRequest.of(method, "/api/v1/exchange", path);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request.query(query[i], query[i + 1]);
        }
        return ApiFixtures.send(servlet, caller, json == null ? request : request.json(json));
    }

    @Test
    public void eachRouteReachesItsServiceCallWithItsParametersRead() {
        send(ApiFixtures.TEACHER, "GET", "/15EJN0101A/texts", null, "sesion", SESSION);
        send(ApiFixtures.TEACHER, "GET", "/15EJN0101A/activities/19/texts/destacados-lectura", null, "sesion",
                SESSION);
        send(ApiFixtures.TEACHER, "PUT", "/15EJN0101A/activities/16/texts/texto-escuela", "{\"sesion\":\""
                + SESSION + "\",\"texto\":\"Aprendemos juntos\",\"version\":4}");
        send(ApiFixtures.TEACHER, "POST", "/15EJN0101A/activities/15/texts/destacados-lectura/contributions",
                "{\"sesion\":\"" + SESSION + "\",\"texto\":\"idea\",\"lectura\":\"latapi-2003\"}");
        send(ApiFixtures.TEACHER, "POST", "/15EJN0101A/texts/lluvia-ideas/contributions",
                "{\"sesion\":\"" + SESSION + "\",\"texto\":\"idea\"}");
        send(ApiFixtures.TEACHER, "DELETE", "/15EJN0101A/contributions/7", null);
        send(ApiFixtures.TEACHER, "POST", "/15EJN0101A/messages", "{\"sesion\":\"" + SESSION
                + "\",\"para\":\"15EJN0102B\",\"tipo\":\"recomendacion\",\"texto\":\"Lean juntos\"}");
        FakeHttp.Response suggestion = send(ApiFixtures.SUPERVISOR, "GET", "/zones/15-preescolar-015/suggestion",
                null, "sesion", SESSION, "tamano", "4");
        FakeHttp.Response published = send(ApiFixtures.SUPERVISOR, "GET", "/zones/15-preescolar-015/presentations",
                null, "sesion", SESSION);
        assertEquals(published.body(), 200, published.status);
        assertTrue("the supervisor reads the zone's published presentations: " + published.body(),
                published.body().contains("\"problema\":\"Lectura\""));
        assertEquals(403, send(ApiFixtures.TEACHER, "GET", "/zones/15-preescolar-015/presentations", null,
                "sesion", SESSION).status);
        assertTrue("the supervisor reads why a school has no pair: " + suggestion.body(), suggestion.body().contains(
                "\"motivosSinPareja\":[{\"cct\":\"" + ApiFixtures.OTHER_SCHOOL.value()
                        + "\",\"motivo\":\"Es la única escuela"));
        send(ApiFixtures.SUPERVISOR, "PUT", "/zones/15-preescolar-015/groups", "{\"sesion\":\"" + SESSION
                + "\",\"grupos\":[[\"15EJN0101A\",\"15EJN0102B\"]]}");
        assertEquals(List.of(
                "texts[15EJN0101A, " + SESSION + "]",
                "text[15EJN0101A, " + SESSION + ", 19, DESTACADOS_LECTURA]",
                "writeText[15EJN0101A, " + SESSION + ", 16, TEXTO_ESCUELA, Aprendemos juntos, 4, docente.ana]",
                "contribute[15EJN0101A, " + SESSION + ", 15, DESTACADOS_LECTURA, latapi-2003, idea, docente.ana]",
                "contribute[15EJN0101A, " + SESSION + ", 0, LLUVIA_IDEAS, , idea, docente.ana]",
                "removeContribution[15EJN0101A, 7, docente.ana]",
                "send[15EJN0101A, " + SESSION + ", 15EJN0102B, RECOMENDACION, Lean juntos, docente.ana]",
                "suggestZone[15-preescolar-015, " + SESSION + ", 4]",
                "publishedPresentations[15-preescolar-015, " + SESSION + "]",
                "confirmGroups[15-preescolar-015, " + SESSION + ", [[15EJN0101A, 15EJN0102B]], supervisora]"), calls);
    }

    @Test
    public void mistakesAreRefusedBeforeAnyCallAndNameTheirField() {
        FakeHttp.Response noSession = send(ApiFixtures.TEACHER, "GET", "/15EJN0101A/peers", null);
        assertEquals(400, noSession.status);
        assertEquals("sesion", noSession.json().get("campo").getAsString());
        FakeHttp.Response badGroup = send(ApiFixtures.SUPERVISOR, "PUT", "/zones/15-preescolar-015/groups",
                "{\"grupos\":[[\"15EJN0101A\",\"15EJN01\"]]}");
        assertEquals(400, badGroup.status);
        assertEquals("grupos[0][1]", badGroup.json().get("campo").getAsString());
        FakeHttp.Response badSize = send(ApiFixtures.SUPERVISOR, "GET", "/zones/15-preescolar-015/suggestion", null,
                "sesion", SESSION, "tamano", "muchas");
        assertEquals("tamano", badSize.json().get("campo").getAsString());
        FakeHttp.Response badZone = send(ApiFixtures.SUPERVISOR, "GET", "/zones/zona-15/groups", null);
        assertEquals(400, badZone.status);
        assertEquals("zona", badZone.json().get("campo").getAsString());
        FakeHttp.Response badRecipient = send(ApiFixtures.TEACHER, "POST", "/15EJN0101A/messages",
                "{\"para\":\"nadie\",\"tipo\":\"recomendacion\"}");
        assertEquals("para", badRecipient.json().get("campo").getAsString());
        FakeHttp.Response badState = send(ApiFixtures.SUPERVISOR, "GET", "/states/99/suggestion", null);
        assertEquals("entidad", badState.json().get("campo").getAsString());
        assertEquals(422, send(ApiFixtures.TEACHER, "PUT", "/15EJN0101A/texts/poema",
                "{\"texto\":\"x\",\"version\":1}").status);
        FakeHttp.Response noActivity = send(ApiFixtures.TEACHER, "PUT",
                "/15EJN0101A/activities/0/texts/texto-escuela", "{\"texto\":\"x\",\"version\":1}");
        assertEquals(400, noActivity.status);
        assertEquals("actividad", noActivity.json().get("campo").getAsString());
        assertEquals(List.of(), calls);
    }

    @Test
    public void zonesAndStatesAreOrganisedOnlyByTheirAuthorities() {
        assertEquals(403, send(ApiFixtures.TEACHER, "GET", "/zones/15-preescolar-015/groups", null,
                "sesion", SESSION).status);
        assertEquals(403, send(ApiFixtures.DIRECTOR, "PUT", "/zones/15-preescolar-015/groups",
                "{\"grupos\":[]}").status);
        assertEquals(403, send(ApiFixtures.SUPERVISOR, "GET", "/states/15/suggestion", null,
                "sesion", SESSION).status);
        Caller authority = ApiFixtures.caller("autoridad", "autoridad-estatal@15");
        assertEquals(200, send(authority, "GET", "/states/15/suggestion", null, "sesion", SESSION).status);
        assertEquals(403, send(authority, "PUT", "/zones/15-preescolar-015/groups", "{\"grupos\":[]}").status);
        assertEquals(List.of("suggestState[15 (México), " + SESSION + ", 3]"), calls);
    }

    @Test
    public void aPresentationIsTheStaffsUntilTheDirectorPublishesIt() {
        FakeHttp.Response noneYet = send(ApiFixtures.TEACHER, "GET", "/15EJN0101A/presentation", null,
                "sesion", SESSION);
        assertEquals(404, noneYet.status);
        FakeHttp.Response draft = send(ApiFixtures.TEACHER, "GET", "/15EJN0101A/presentation", null,
                "sesion", SESSION, "periodo", "2016-11");
        assertEquals(true, draft.json().get("borrador").getAsBoolean());

        stored = presentation(ApiFixtures.SCHOOL, false);
        assertEquals(403, send(ApiFixtures.SUPERVISOR, "GET", "/15EJN0101A/presentation", null,
                "sesion", SESSION).status);
        FakeHttp.Response teacherPublishes = send(ApiFixtures.TEACHER, "PUT", "/15EJN0101A/presentation/publication",
                "{\"sesion\":\"" + SESSION + "\",\"publicado\":true}");
        assertEquals(403, teacherPublishes.status);
        assertTrue(teacherPublishes.body().contains("Solo la dirección"));
        FakeHttp.Response published = send(ApiFixtures.DIRECTOR, "PUT", "/15EJN0101A/presentation/publication",
                "{\"sesion\":\"" + SESSION + "\",\"publicado\":true}");
        assertEquals(200, published.status);
        assertEquals(true, published.json().get("publicada").getAsBoolean());

        stored = presentation(ApiFixtures.SCHOOL, true);
        assertEquals(200, send(ApiFixtures.SUPERVISOR, "GET", "/15EJN0101A/presentation", null,
                "sesion", SESSION).status);
        assertEquals(403, send(ApiFixtures.SUPERVISOR, "PUT", "/15EJN0101A/presentation",
                "{\"version\":1}").status);
        assertEquals(403, send(ApiFixtures.OTHER_TEACHER, "GET", "/15EJN0101A/texts", null,
                "sesion", SESSION).status);
    }

    @Test
    public void theExchangeStoreAwayIsA503ThatSaysWhenToSendAgain() {
        Exchange away = (Exchange) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Exchange.class},
                (proxy, method, args) -> {
                    throw new IllegalStateException("El almacén del intercambio se está actualizando.");
                });
        FakeRequest request = FakeRequest.of("GET", "/api/v1/exchange", "/15EJN0101A/texts").query("sesion", SESSION);
        FakeHttp.Response response = ApiFixtures.send(new ExchangeServlet(away, ApiFixtures.directory()),
                ApiFixtures.TEACHER, request);

        assertEquals(response.body(), 503, response.status);
        assertEquals("1", response.headers.get("Retry-After"));
    }
}
