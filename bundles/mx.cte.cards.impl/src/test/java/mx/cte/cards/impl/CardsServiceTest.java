package mx.cte.cards.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import mx.cte.audit.api.AuditLog;
import mx.cte.cards.api.CardComment;
import mx.cte.cards.api.CardDraft;
import mx.cte.cards.api.CardQuery;
import mx.cte.cards.api.Challenge;
import mx.cte.cards.api.Decision;
import mx.cte.cards.api.InterventionCard;
import mx.cte.cards.api.Material;
import mx.cte.results.api.Concentrate;
import mx.cte.results.api.ConcentrateItem;
import mx.cte.results.api.ResultsAnalysis;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.ZoneId;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import mx.cte.security.api.RoleGrant;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.StaleVersionException;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** The school's card library on H2 and PostgreSQL, with and without the results module. */
@RunWith(Parameterized.class)
public class CardsServiceTest {

    private static final Cct SCHOOL = Cct.parse("15EJN0101A");
    private static final String SESSION = "SEP:2016-2017:preescolar:ordinaria-3";
    private static final ConcentrateItem CHALLENGE = new ConcentrateItem(41, ConcentrateItem.Kind.DESAFIO,
            "Lenguaje oral", List.of(2), "Narran sucesos en orden", "", "", "", 1);
    private static final ConcentrateItem ACHIEVEMENT = new ConcentrateItem(42, ConcentrateItem.Kind.LOGRO,
            "Convivencia", List.of(2), "Dialogan", "", "", "", 1);

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final Database database;
    private final SchoolDirectory directory;
    private final Accounts accounts;
    private final AuditLog audit;
    private final CardsService cards;

    public CardsServiceTest(DatabaseKind kind) {
        School school = new School(SCHOOL, "Jardín", "Toluca", Level.PREESCOLAR, ZoneId.parse("15-preescolar-015"),
                Shift.MATUTINO, false, List.of(SchoolGroup.of(1, "A"), SchoolGroup.of(2, "A"), SchoolGroup.of(2, "B")),
                1);
        directory = proxy(SchoolDirectory.class, (method, args) -> args[0].equals(SCHOOL)
                ? java.util.Optional.of(school) : java.util.Optional.empty());
        accounts = proxy(Accounts.class, (method, args) -> args[0].equals(SCHOOL)
                ? List.of(staff("docente.ana", "docente@15EJN0101A"), staff("directora", "director@15EJN0101A"))
                : List.of());
        audit = proxy(AuditLog.class, (method, args) -> null);
        ResultsAnalysis results = proxy(ResultsAnalysis.class, (method, args) -> {
            if (method.equals("concentrate")) {
                return new Concentrate(List.of(ACHIEVEMENT, CHALLENGE), List.of(), null, null);
            }
            throw new UnsupportedOperationException(method);
        });
        database = TestDatabases.fresh(kind);
        cards = new CardsService(database, directory, accounts, audit, Clock.systemUTC(), results);
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args));
    }

    private static Account staff(String username, String grant) {
        return new Account(username, username, true, List.of(RoleGrant.parse(grant)), 1);
    }

    private static CardDraft draft(String title, List<Challenge> challenges, List<Integer> grades) {
        return new CardDraft("2016-11", SESSION, challenges, title, "Secuencia de narración con imágenes",
                "Asamblea diaria: cada niño narra lo que hizo el fin de semana", "Rincón de cuentos en el patio",
                List.of(new Material(0, "Cuentos de la Biblioteca de Aula")), "Apoyo visual para dos alumnos",
                "Lista de cotejo de narración", grades, List.of("b"), 6, List.of("docente.ana"));
    }

    @Test
    public void aCardAttendsChallengesOfTheConcentrateAndCollectsTheCollectivesWords() {
        InterventionCard card = cards.create(SCHOOL, draft("Narramos nuestro fin de semana",
                List.of(new Challenge(41, "")), List.of(2)), "docente.ana");
        assertEquals("the challenge's words come from the concentrate", "Narran sucesos en orden",
                card.content().challenges().get(0).text());
        assertEquals("the school's spelling of the group", List.of("B"), card.content().groups());
        assertEquals(Decision.PENDIENTE, card.decision());

        CardComment added = cards.comment(SCHOOL, card.id(), true, "Incluir a las familias", "directora");
        assertTrue(added.suggestion());
        InterventionCard commented = cards.card(SCHOOL, card.id());
        assertEquals("the answer is the comment as stored", List.of(added), commented.comments());
        assertEquals("a comment does not change the card's version", card.version(), commented.version());
        InterventionCard adopted = cards.decide(SCHOOL, card.id(), Decision.ESTRATEGIA_GLOBAL,
                "Sirve a todos los grupos", card.version(), "directora");
        assertEquals(Decision.ESTRATEGIA_GLOBAL, adopted.decision());
        assertThrows(StaleVersionException.class, () -> cards.update(SCHOOL, card.id(), card.content(),
                card.version(), "docente.ana"));

        InterventionCard followed = cards.followUp(SCHOOL, card.id(), "SEP:2016-2017:preescolar:ordinaria-4", true,
                "12 de 20 alumnos narran en orden", "docente.ana");
        assertEquals(1, followed.followUps().size());
        IllegalArgumentException history = assertThrows(IllegalArgumentException.class,
                () -> cards.remove(SCHOOL, card.id(), followed.version(), "docente.ana"));
        assertTrue(history.getMessage(), history.getMessage().contains("ya tiene seguimiento"));
    }

    @Test
    public void aCommentIsChangedByItsAuthorAndRemovedByItOrTheDirector() {
        InterventionCard card = cards.create(SCHOOL, draft("Cuentos en familia", List.of(new Challenge(41, "")),
                List.of(2)), "docente.ana");
        long first = cards.comment(SCHOOL, card.id(), false, "Buena idea", "docente.ana").id();
        long second = cards.comment(SCHOOL, card.id(), false, "Falta el tiempo", "docente.luis").id();

        InterventionCard changed = cards.changeComment(SCHOOL, card.id(), first, true, "Invitar a las familias",
                "docente.ana");
        assertEquals("Invitar a las familias", changed.comments().get(0).text());
        assertTrue(changed.comments().get(0).suggestion());
        assertThrows("only its author changes a comment", SecurityException.class, () -> cards.changeComment(
                SCHOOL, card.id(), second, false, "Otro texto", "docente.ana"));
        assertThrows(SecurityException.class, () -> cards.removeComment(SCHOOL, card.id(), second, "docente.ana",
                false));
        assertThrows(IllegalArgumentException.class, () -> cards.changeComment(SCHOOL, card.id(), first, false, " ",
                "docente.ana"));
        assertThrows("a comment of another card", java.util.NoSuchElementException.class,
                () -> cards.removeComment(SCHOOL, card.id() + 1000, first, "docente.ana", false));

        assertEquals(1, cards.removeComment(SCHOOL, card.id(), first, "docente.ana", false).comments().size());
        InterventionCard byDirector = cards.removeComment(SCHOOL, card.id(), second, "directora", true);
        assertEquals("the director removes anyone's comment", List.of(), byDirector.comments());
    }

    @Test
    public void everyProblemOfACardIsNamedByItsField() {
        CardDraft bad = new CardDraft("noviembre", "", List.of(new Challenge(42, "")), "", "", "", "",
                List.of(new Material(0, "")), "", "", List.of(4), List.of("Z"), 0, List.of("intruso"));
        IllegalArgumentException problems = assertThrows(IllegalArgumentException.class,
                () -> cards.create(SCHOOL, bad, "docente.ana"));
        for (String field : List.of("periodo:", "sesion:", "titulo:", "acciones:", "grados: 4 no existe",
                "grupos: la escuela no tiene el grupo Z", "semanas:", "responsables: 'intruso' no es personal",
                "materiales[0].titulo:")) {
            assertTrue(field + " in " + problems.getMessage(), problems.getMessage().contains(field));
        }
        IllegalArgumentException achievement = assertThrows(IllegalArgumentException.class, () -> cards.create(SCHOOL,
                draft("Otra", List.of(new Challenge(42, "")), List.of(2)), "docente.ana"));
        assertTrue(achievement.getMessage(), achievement.getMessage().contains(
                "desafios[0]: el concentrado de noviembre de 2016 no tiene el desafío 42"));
        assertThrows(NoSuchElementException.class, () -> cards.card(SCHOOL, 999));
    }

    @Test
    public void withoutTheResultsModuleACardNamesItsChallengesInWords() {
        CardsService alone = new CardsService(database, directory, accounts, audit, Clock.systemUTC(), null);
        IllegalArgumentException unlinked = assertThrows(IllegalArgumentException.class, () -> alone.create(SCHOOL,
                draft("Narramos", List.of(new Challenge(41, "")), List.of(2)), "docente.ana"));
        assertTrue(unlinked.getMessage(), unlinked.getMessage().contains("no está instalado"));
        InterventionCard card = alone.create(SCHOOL, draft("Narramos", List.of(new Challenge(0,
                "Narran sucesos en orden")), List.of(2)), "docente.ana");
        assertEquals("Narran sucesos en orden", card.content().challenges().get(0).text());
    }

    @Test
    public void theLibraryFindsCardsByWordsIgnoringAccentsAndByGradeDecisionAndPeriod() {
        InterventionCard narrate = cards.create(SCHOOL, draft("Narramos nuestro fin de semana",
                List.of(new Challenge(41, "")), List.of(2)), "docente.ana");
        cards.create(SCHOOL, new CardDraft("2016-12", SESSION, List.of(new Challenge(0, "Cuentan colecciones")),
                "Tienda escolar", "Compra y venta con fichas", "Juego de la tiendita", "", List.of(), "",
                "Registro de observación de conteo", List.of(1), List.of(), 4, List.of("directora")), "directora");
        cards.decide(SCHOOL, narrate.id(), Decision.REDISENAR, "", 1, "directora");

        assertEquals(List.of("Tienda escolar", "Narramos nuestro fin de semana"), titles(CardQuery.all()));
        assertEquals(List.of("Narramos nuestro fin de semana"), titles(new CardQuery("NARRACIÓN imágenes", 0, null,
                "")));
        assertEquals("the material's title is searched too", List.of("Narramos nuestro fin de semana"),
                titles(new CardQuery("biblioteca", 0, null, "")));
        assertEquals(List.of("Tienda escolar"), titles(new CardQuery("observacion", 1, null, "")));
        assertEquals(List.of(), titles(new CardQuery("observacion", 2, null, "")));
        assertEquals(List.of("Narramos nuestro fin de semana"), titles(new CardQuery("", 0, Decision.REDISENAR, "")));
        assertEquals(List.of("Tienda escolar"), titles(new CardQuery("", 0, null, "2016-12")));
        assertEquals("a % is a character, not a wildcard", List.of(), titles(new CardQuery("%", 0, null, "")));
        assertEquals("another school's library is its own", List.of(),
                cards.search(Cct.parse("15EJN0102B"), CardQuery.all()));
    }

    private List<String> titles(CardQuery query) {
        return cards.search(SCHOOL, query).stream().map(c -> c.content().title()).toList();
    }

    @Test
    public void materialsChosenFromTheCatalogueTakeTheirTitleFromIt() {
        mx.cte.catalogue.api.Resource album = new mx.cte.catalogue.api.Resource(7, null,
                new mx.cte.catalogue.api.Resource.PackRef("sep-preescolar", "Materiales SEP", "SEP"),
                new mx.cte.catalogue.api.ResourceDraft("Mi álbum. Preescolar. Segundo grado",
                        mx.cte.catalogue.api.ResourceKind.MATERIAL_DIDACTICO, "SEP", "", "", List.of(2), List.of(), "",
                        false), "SEP", List.of(), 0);
        cards.useCatalogue(proxy(mx.cte.catalogue.api.ResourceCatalogue.class, (method, args) ->
                method.equals("find") && (Long) args[1] == 7 ? java.util.Optional.of(album)
                        : java.util.Optional.empty()));
        CardDraft base = draft("Narramos con láminas", List.of(new Challenge(41, "")), List.of(2));
        CardDraft withMaterials = new CardDraft(base.period(), base.session(), base.challenges(), base.title(),
                base.description(), base.classroomActions(), base.schoolActions(),
                List.of(new Material(7, ""), new Material(0, "Títeres del aula")), base.adequations(),
                base.instruments(), base.grades(), base.groups(), base.durationWeeks(), base.responsibles());
        InterventionCard card = cards.create(SCHOOL, withMaterials, "docente.ana");
        assertEquals(List.of("Mi álbum. Preescolar. Segundo grado", "Títeres del aula"),
                card.content().materials().stream().map(Material::title).toList());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> cards.create(SCHOOL,
                new CardDraft(base.period(), base.session(), base.challenges(), base.title(), "", "x", "",
                        List.of(new Material(99, "")), "", "", base.grades(), List.of(), 2, base.responsibles()),
                "docente.ana"));
        assertTrue(unknown.getMessage(), unknown.getMessage().contains(
                "materiales[0]: el catálogo de la escuela no tiene el recurso 99"));
    }

    @Test
    public void aCardCopiedFromAnotherSchoolSaysWhereItComesFrom() {
        InterventionCard original = cards.create(SCHOOL, draft("Narramos nuestro fin de semana",
                List.of(new Challenge(41, "")), List.of(2)), "docente.ana");
        InterventionCard copy = cards.copy(SCHOOL, original.id(), SCHOOL, "directora");
        assertEquals(new mx.cte.cards.api.Attribution(SCHOOL, original.id(), "Narramos nuestro fin de semana"),
                copy.copiedFrom());
        assertEquals("the challenge travels in words", List.of(new Challenge(0, "Narran sucesos en orden")),
                copy.content().challenges());
        assertEquals(List.of("directora"), copy.content().responsibles());
        assertEquals(Decision.PENDIENTE, copy.decision());
        assertEquals(null, cards.card(SCHOOL, original.id()).copiedFrom());
    }
}
