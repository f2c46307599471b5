package mx.cte.exchange.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.cte.audit.api.AuditLog;
import mx.cte.cards.api.CardDraft;
import mx.cte.cards.api.Challenge;
import mx.cte.cards.api.Decision;
import mx.cte.cards.api.FollowUp;
import mx.cte.cards.api.InterventionCard;
import mx.cte.cards.api.InterventionCards;
import mx.cte.exchange.api.CollectiveText;
import mx.cte.exchange.api.Contribution;
import mx.cte.exchange.api.ExchangeGroup;
import mx.cte.exchange.api.Matching;
import mx.cte.exchange.api.MessageKind;
import mx.cte.exchange.api.Presentation;
import mx.cte.exchange.api.TextKind;
import mx.cte.logbook.api.Agreement;
import mx.cte.logbook.api.AgreementDraft;
import mx.cte.logbook.api.Logbook;
import mx.cte.results.api.Concentrate;
import mx.cte.results.api.ConcentrateItem;
import mx.cte.results.api.GradeCoincidences;
import mx.cte.results.api.GradeTeamWork;
import mx.cte.results.api.ResultsAnalysis;
import mx.cte.results.api.SynthesisFrame;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.ZoneId;
import mx.cte.search.lucene.LuceneTextIndexes;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.StaleVersionException;
import mx.cte.storage.testing.TestDatabases;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** The exchange on H2 and PostgreSQL with a real Lucene index. */
@RunWith(Parameterized.class)
public class ExchangeServiceTest {

    private static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";
    private static final ZoneId ZONE = ZoneId.parse("15-preescolar-015");
    private static final Cct A = Cct.parse("15EJN0101A");
    private static final Cct B = Cct.parse("15EJN0102B");
    private static final Cct C = Cct.parse("15EJN0103C");
    private static final Cct D = Cct.parse("15EJN0104D");
    private static final Cct E = Cct.parse("15EJN0105E");

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final Path folder;
    private final LuceneTextIndexes indexes;
    private final mx.cte.storage.api.Database database;
    private final SchoolDirectory directory;
    private final ExchangeService exchange;
    private boolean guideInstalled = true;

    /** The third session's guide as far as the texts need it: which activities yield each kind, with their readings. */
    private final ProductActivities thirdSession = (session, type) -> !guideInstalled || !session.equals(SESSION)
            ? List.of() : switch (type) {
                case "lluvia-ideas" -> List.of(new ProductActivities.Activity(14, List.of()));
                case "destacados-lectura" -> List.of(
                        new ProductActivities.Activity(15, List.of("cerda-lopez", "latapi-2003")),
                        new ProductActivities.Activity(19, List.of("seb-aprendizaje-entre-escuelas")));
                case "texto-escuela" -> List.of(new ProductActivities.Activity(16, List.of()));
                default -> List.of();
            };
    private final List<String> copies = new java.util.ArrayList<>();

    public ExchangeServiceTest(DatabaseKind kind) throws Exception {
        folder = Files.createTempDirectory("cte-exchange");
        indexes = new LuceneTextIndexes(folder);
        List<School> schools = List.of(A, B, C, D, E).stream().map(cct -> new School(cct, "Jardín " + cct, "Toluca",
                Level.PREESCOLAR, ZONE, Shift.MATUTINO, false, List.of(), 1)).toList();
        directory = proxy(SchoolDirectory.class, (method, args) -> switch (method) {
            case "school" -> schools.stream().filter(s -> s.cct().equals(args[0])).findFirst();
            case "schools" -> schools;
            case "zones" -> List.of(new mx.cte.schools.api.Zone(ZONE, schools.size()));
            default -> throw new UnsupportedOperationException(method);
        });
        AuditLog audit = proxy(AuditLog.class, (method, args) -> null);
        database = TestDatabases.fresh(kind);
        exchange = new ExchangeService(database, directory, audit, indexes.open("exchange"), Clock.systemUTC(),
                thirdSession);
    }

    @After
    public void close() throws Exception {
        indexes.close();
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args));
    }

    private void publish(Cct school, String problem, String causes, List<String> areas, List<Integer> grades) {
        exchange.savePresentation(school, new Presentation(school, SESSION, problem, causes, "", "", "", areas,
                grades, null, 0), 0, "directora");
        exchange.publish(school, SESSION, true, "directora");
    }

    @Test
    public void collectiveTextsGatherContributionsAndTheTextWrittenFromThem() {
        exchange.contribute(A, SESSION, 14, TextKind.LLUVIA_IDEAS, "", "Aprender del colega de al lado",
                "docente.ana");
        exchange.contribute(A, SESSION, 14, TextKind.LLUVIA_IDEAS, "", "Compartir lo que funciona", "directora");
        exchange.contribute(A, SESSION, 15, TextKind.DESTACADOS_LECTURA, "latapi-2003", "saber pedagógico",
                "docente.ana");
        CollectiveText written = exchange.writeText(A, SESSION, 16, TextKind.TEXTO_ESCUELA,
                "Aprender entre pares es reflexionar juntos sobre la práctica", 0, "directora");
        assertEquals(1, written.version());
        assertThrows(StaleVersionException.class, () -> exchange.writeText(A, SESSION, 16, TextKind.TEXTO_ESCUELA,
                "otro", 0, "docente.ana"));
        List<CollectiveText> texts = exchange.texts(A, SESSION);
        assertEquals(List.of(14, 15, 16), texts.stream().map(CollectiveText::activity).toList());
        assertEquals(2, texts.get(0).contributions().size());
        assertEquals("latapi-2003", texts.get(1).contributions().get(0).reading());
        assertTrue("another school's texts are its own", exchange.texts(B, SESSION).isEmpty());
        assertEquals("an activity nobody worked on yet", 0, exchange.text(A, SESSION, 17, TextKind.CONTRASTE_PRACTICA)
                .version());
        assertThrows(IllegalArgumentException.class, () -> exchange.contribute(A, "tercera", 14,
                TextKind.LLUVIA_IDEAS, "", "x", "docente.ana"));
    }

    @Test
    public void twoActivitiesOfTheSameKindKeepTheirOwnText() {
        exchange.contribute(A, SESSION, 15, TextKind.DESTACADOS_LECTURA, "latapi-2003", "saber pedagógico",
                "docente.ana");
        exchange.contribute(A, SESSION, 19, TextKind.DESTACADOS_LECTURA, "", "aprendizaje entre escuelas",
                "docente.ana");
        exchange.writeText(A, SESSION, 15, TextKind.DESTACADOS_LECTURA, "Lo que subrayamos de Latapí", 0, "directora");
        exchange.writeText(A, SESSION, 19, TextKind.DESTACADOS_LECTURA, "Lo que subrayamos del Aprendizaje entre"
                + " escuelas", 0, "directora");
        CollectiveText fifteen = exchange.text(A, SESSION, 15, TextKind.DESTACADOS_LECTURA);
        CollectiveText nineteen = exchange.text(A, SESSION, 19, TextKind.DESTACADOS_LECTURA);
        assertEquals("Lo que subrayamos de Latapí", fifteen.text());
        assertEquals(List.of("saber pedagógico"), fifteen.contributions().stream().map(Contribution::text).toList());
        assertEquals("Lo que subrayamos del Aprendizaje entre escuelas", nineteen.text());
        assertEquals(List.of("aprendizaje entre escuelas"), nineteen.contributions().stream()
                .map(Contribution::text).toList());
        assertEquals("each has its own version", 1, nineteen.version());

        // Without the activity (an edit kept in a browser before the change): the guide's activity, by its reading.
        assertEquals(19, exchange.contribute(A, SESSION, 0, TextKind.DESTACADOS_LECTURA,
                "seb-aprendizaje-entre-escuelas", "escuelas que aprenden", "docente.ana").activity());
        assertEquals(15, exchange.contribute(A, SESSION, 0, TextKind.DESTACADOS_LECTURA, "", "pares",
                "docente.ana").activity());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> exchange.contribute(A,
                SESSION, 0, TextKind.COMENTARIOS_COLECTIVO, "", "x", "docente.ana"));
        assertTrue(unknown.getMessage(), unknown.getMessage().startsWith("actividad: "));
    }

    private void legacyContribution(String kind, String reading, String text) {
        database.inTransaction(connection -> mx.cte.storage.api.Sql.insert(connection, "INSERT INTO"
                + " exchange_contribution (cct, session_key, kind, reading, text, author, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", A.value(), SESSION, kind, reading, text, "docente.ana",
                java.time.Instant.now()));
    }

    @Test
    public void textsStoredBeforeTheyWereKeptPerActivityGetTheirsFromTheGuide() {
        legacyContribution("destacados-lectura", "latapi-2003", "saber pedagógico");
        legacyContribution("destacados-lectura", "seb-aprendizaje-entre-escuelas", "aprendizaje entre escuelas");
        legacyContribution("lluvia-ideas", "", "Aprender del colega");
        database.inTransaction(connection -> mx.cte.storage.api.Sql.insert(connection, "INSERT INTO exchange_text"
                + " (cct, session_key, kind, text, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 3)",
                A.value(), SESSION, "destacados-lectura", "El texto que 15 y 19 compartían", "directora",
                java.time.Instant.now()));

        // The guide is not installed yet (it starts after the module): nothing is guessed, nothing is lost.
        guideInstalled = false;
        CollectiveTexts texts = new CollectiveTexts(database, directory, proxy(AuditLog.class, (m, a) -> null),
                Clock.systemUTC(), thirdSession);
        texts.assignLegacyRows();
        assertEquals(List.of(0, 0), texts.texts(A, SESSION).stream().map(CollectiveText::activity).toList());

        guideInstalled = true;
        texts.assignLegacyRows();
        assertEquals(List.of("Aprender del colega"), texts.text(A, SESSION, 14, TextKind.LLUVIA_IDEAS)
                .contributions().stream().map(Contribution::text).toList());
        CollectiveText fifteen = texts.text(A, SESSION, 15, TextKind.DESTACADOS_LECTURA);
        assertEquals(List.of("saber pedagógico"), fifteen.contributions().stream().map(Contribution::text).toList());
        assertEquals("the shared text stays with the first activity, with its version", 3, fifteen.version());
        CollectiveText nineteen = texts.text(A, SESSION, 19, TextKind.DESTACADOS_LECTURA);
        assertEquals(List.of("aprendizaje entre escuelas"), nineteen.contributions().stream()
                .map(Contribution::text).toList());
        assertEquals("", nineteen.text());
        assertEquals(List.of(14, 15, 19), texts.texts(A, SESSION).stream().map(CollectiveText::activity).toList());
    }

    @Test
    public void thePresentationIsDraftedFromWhatTheSchoolAlreadyHas() {
        ConcentrateItem challenge = new ConcentrateItem(5, ConcentrateItem.Kind.DESAFIO, "Lenguaje oral", List.of(2),
                "Narran sucesos en orden", "", "", "", 1);
        ConcentrateItem achievement = new ConcentrateItem(6, ConcentrateItem.Kind.LOGRO, "Convivencia", List.of(2),
                "Resuelven conflictos dialogando", "", "", "", 1);
        ResultsAnalysis results = proxy(ResultsAnalysis.class, (method, args) -> switch (method) {
            case "concentrate" -> new Concentrate(List.of(achievement, challenge), List.of(), null, null);
            case "coincidences" -> List.of(new GradeCoincidences(2, List.of("A"), List.of(), "",
                    new GradeTeamWork(2, "", Map.of(SynthesisFrame.SIN_AVANCE, "narrar, porque hablan poco en casa",
                            SynthesisFrame.FUNCIONARON, "la asamblea diaria porque todos participan"), 1)));
            default -> throw new UnsupportedOperationException(method);
        });
        InterventionCard card = new InterventionCard(3, A, new CardDraft("2016-11", SESSION,
                List.of(new Challenge(5, "Narran sucesos en orden")), "Narramos nuestro fin de semana", "",
                "Asamblea de narración", "", List.of(), "", "", List.of(2), List.of(), 6, List.of("docente.ana")),
                Decision.ESTRATEGIA_GLOBAL, "", List.of(), List.of(new FollowUp(1, SESSION, true,
                        "12 de 20 narran en orden", "docente.ana", Instant.now())), "docente.ana", Instant.now(),
                null, 2);
        InterventionCards cards = proxy(InterventionCards.class, (method, args) -> List.of(card));
        Logbook logbook = proxy(Logbook.class, (method, args) -> List.of(new Agreement(1, A, new AgreementDraft(
                SESSION, 13, "Aplicar la tarjeta en todos los grupos", List.of("directora"), "",
                java.time.LocalDate.of(2017, 1, 27), null), "directora", Instant.now(), "directora", Instant.now(), 1)));
        exchange.use(results, cards, null, logbook);

        Presentation draft = exchange.draft(A, SESSION, "2016-11");
        assertEquals("• Narran sucesos en orden (Lenguaje oral, 2°)", draft.problem());
        assertEquals("• narrar, porque hablan poco en casa", draft.causes());
        assertTrue(draft.actions(), draft.actions().contains("Narramos nuestro fin de semana: Asamblea de narración"));
        assertTrue(draft.actions(), draft.actions().contains("Acuerdo: Aplicar la tarjeta en todos los grupos"));
        assertTrue(draft.results(), draft.results().contains("12 de 20 narran en orden"));
        assertTrue(draft.results(), draft.results().contains("Logrado: Resuelven conflictos dialogando"));
        assertTrue(draft.practices(), draft.practices().contains("(incorporada a la Estrategia Global)"));
        assertEquals(List.of("Lenguaje oral"), draft.areas());
        assertEquals(List.of(2), draft.grades());
        assertEquals("a draft is not saved", Optional.empty(), exchange.presentation(A, SESSION));

        exchange.use(null, null, null, null);
        assertEquals("without the other modules there is nothing to draft from", "",
                exchange.draft(A, SESSION, "2016-11").problem());
    }

    @Test
    public void schoolsWithTheSameProblemAreNeverLeftAloneAndTheSupervisorReadsWhyOneIs() {
        String problem = "Los alumnos no narran sucesos en orden";
        for (Cct school : List.of(A, B, C, D)) {
            publish(school, problem, "Hablan poco en casa", List.of("Lenguaje oral"), List.of(2));
        }
        Matching four = exchange.suggestZone(ZONE, SESSION, 3);
        assertEquals("four schools with one problem and groups of three: two pairs, nobody alone", List.of(),
                four.unmatched());
        assertEquals(four.groups().toString(), List.of(2, 2), four.groups().stream().map(g -> g.schools().size())
                .toList());

        Matching pairsOnly = exchange.suggestZone(ZONE, SESSION, 2);
        assertEquals(List.of(2, 2), pairsOnly.groups().stream().map(g -> g.schools().size()).toList());

        exchange.publish(D, SESSION, false, "directora");
        Matching three = exchange.suggestZone(ZONE, SESSION, 2);
        assertEquals(1, three.unmatched().size());
        String why = three.whyUnmatched().get(0).reason();
        assertTrue(why, why.contains("ya está en un grupo completo de 2 escuelas"));
        assertTrue("the school is named: " + why, why.contains("Jardín") && why.contains("(15EJN01"));

        publish(E, "Los niños no cuentan colecciones", "Pocas actividades de conteo",
                List.of("Pensamiento matemático"), List.of(3));
        Matching withE = exchange.suggestZone(ZONE, SESSION, 3);
        assertEquals(List.of(E), withE.unmatched());
        assertTrue(withE.whyUnmatched().toString(), withE.whyUnmatched().get(0).reason()
                .matches("(Lo más parecido .* menos del 15 % .*|Su presentación no comparte .*)"));
    }

    @Test
    public void theZoneGetsGroupsOfSchoolsWithCommonProblemsAndTheReasons() {
        publish(A, "Los alumnos no narran sucesos en orden; les cuesta la expresión oral",
                "Hablan poco en casa y en el aula dominan las instrucciones", List.of("Lenguaje oral"), List.of(2, 3));
        publish(B, "Nuestros alumnos no logran narrar sucesos en orden ni expresarse oralmente",
                "En casa se conversa poco", List.of("Lenguaje oral"), List.of(2));
        publish(C, "Los niños no cuentan colecciones mayores a diez", "Pocas actividades de conteo",
                List.of("Pensamiento matemático"), List.of(3));
        publish(D, "Los alumnos no comparan ni cuentan colecciones de objetos", "Se practica poco el conteo",
                List.of("Pensamiento matemático"), List.of(3));

        Matching matching = exchange.suggestZone(ZONE, SESSION, 3);
        assertEquals(List.of(E), matching.unpublished());
        List<List<Cct>> groups = matching.groups().stream().map(ExchangeGroup::schools).toList();
        assertTrue(groups.toString(), groups.contains(List.of(A, B)));
        assertTrue(groups.toString(), groups.contains(List.of(C, D)));
        ExchangeGroup talk = matching.groups().stream().filter(g -> g.schools().contains(A)).findFirst().orElseThrow();
        assertTrue(talk.reasons().toString(), talk.reasons().get(0).startsWith("Problemáticas parecidas"));
        assertTrue(talk.reasons().toString(), talk.reasons().get(0).contains("«sucesos»"));
        assertTrue(talk.reasons().toString(), talk.reasons().contains("Misma área: Lenguaje oral"));
        assertTrue(talk.reasons().toString(), talk.reasons().contains("Mismo grado: 2°"));

        exchange.publish(D, SESSION, false, "directora");
        assertEquals("a withdrawn presentation leaves the matching", List.of(C),
                exchange.suggestZone(ZONE, SESSION, 3).unmatched());

        List<ExchangeGroup> confirmed = exchange.confirmGroups(ZONE, SESSION, List.of(List.of(A, B), List.of(C, D, E)),
                "supervisora.zona15");
        assertEquals(2, confirmed.size());
        assertEquals(List.of(B), exchange.peers(A, SESSION));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> exchange.confirmGroups(
                ZONE, SESSION, List.of(List.of(A, B), List.of(B, C), List.of(D)), "supervisora.zona15"));
        assertTrue(twice.getMessage(), twice.getMessage().contains("grupos[1]: la escuela 15EJN0102B ya está en otro"));
        assertTrue(twice.getMessage(), twice.getMessage().contains("grupos[2]: un grupo reúne dos escuelas o más"));

        mx.cte.core.api.errors.ConflictException acted = assertThrows(mx.cte.core.api.errors.ConflictException.class,
                () -> exchange.publish(A, SESSION, false, "directora"));
        assertTrue(acted.getMessage(), acted.getMessage().contains("ya formó los grupos"));
        assertTrue("still published", exchange.presentation(A, SESSION).orElseThrow().publishedAt() != null);
    }

    @Test
    public void peersSendEachOtherRecommendationsAndCopyCardsOnlyWithinTheirGroup() {
        exchange.confirmGroups(ZONE, SESSION, List.of(List.of(A, B)), "supervisora.zona15");
        exchange.send(A, SESSION, B, MessageKind.ESTRATEGIA, "Prueben la asamblea de narración", "directora");
        assertEquals(1, exchange.messages(B, SESSION).size());
        assertThrows(SecurityException.class, () -> exchange.send(A, SESSION, C, MessageKind.RECURSO, "x",
                "directora"));
        InterventionCard copied = new InterventionCard(10, A, new CardDraft("2016-11", SESSION,
                List.of(new Challenge(0, "Narran")), "Asamblea de narración", "", "Narrar", "", List.of(), "", "",
                List.of(2), List.of(), 4, List.of("directora")), Decision.PENDIENTE, "", List.of(), List.of(),
                "directora", Instant.now(), new mx.cte.cards.api.Attribution(B, 9, "Asamblea de narración"), 1);
        exchange.use(null, proxy(InterventionCards.class, (method, args) -> {
            copies.add(method + " " + args[0] + " #" + args[1] + " → " + args[2]);
            return copied;
        }), null, null);
        assertThrows(SecurityException.class, () -> exchange.copyCard(A, SESSION, C, 9, "directora"));
        assertEquals(copied, exchange.copyCard(A, SESSION, B, 9, "directora"));
        assertEquals("only the peer's card was copied", List.of("copy 15EJN0102B #9 → 15EJN0101A"), copies);
    }
}
