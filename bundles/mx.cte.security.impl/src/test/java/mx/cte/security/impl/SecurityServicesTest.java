package mx.cte.security.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.ZoneId;
import mx.cte.security.api.Account;
import mx.cte.security.api.Caller;
import mx.cte.security.api.RoleGrant;
import mx.cte.security.api.SignIn;
import mx.cte.security.api.SignIn.SessionInfo;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.Sql;
import mx.cte.storage.api.StaleVersionException;
import mx.cte.storage.testing.MutableClock;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Accounts, sign-in, throttling and sessions, on H2 and on PostgreSQL. */
@RunWith(Parameterized.class)
public class SecurityServicesTest {

    private static final String PASSWORD = "jardín-de-niños-2016";

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final MutableClock clock = new MutableClock();
    private final RecordingAudit audit = new RecordingAudit();
    private final Database database;
    private final AccountsService accounts;
    private final SignInService signIn;
    private final ResolvedSessions resolved;

    public SecurityServicesTest(DatabaseKind kind) {
        database = TestDatabases.fresh(kind);
        ResolvedSessions resolved = new ResolvedSessions();
        accounts = new AccountsService(database, audit, resolved, clock);
        this.resolved = resolved;
        signIn = new SignInService(database, audit, resolved, clock, 2);
    }

    private SessionInfo signedIn(String username, String password) {
        SignIn.Outcome outcome = signIn.signIn(username, password, "10.0.0.1");
        assertTrue(outcome.toString(), outcome instanceof SignIn.SignedIn);
        return ((SignIn.SignedIn) outcome).session();
    }

    @Test
    public void storesOnlyAnArgon2idHashAndSignsInWithTheRightPassword() {
        accounts.create("Directora.Uno", "Directora Uno", PASSWORD,
                List.of(RoleGrant.parse("director@15EJN0101A")));
        String stored = database.inTransaction(c -> AccountStore.credentials(c, "directora.uno")).orElseThrow()
                .passwordHash();
        assertTrue(stored, stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        assertFalse(stored.contains(PASSWORD));

        SessionInfo session = signedIn(" DIRECTORA.UNO ", PASSWORD);
        Caller caller = session.caller();
        assertEquals("directora.uno", caller.username());
        assertTrue(caller.canWrite(Cct.parse("15EJN0101A")));
        assertNotEquals(session.token(), session.csrfToken());
        assertEquals(caller, signIn.resolve(session.token()).orElseThrow().caller());

        assertTrue(signIn.signIn("directora.uno", "otra-contraseña-123", "10.0.0.1") instanceof SignIn.Refused);
        assertTrue(signIn.signIn("nadie", PASSWORD, "10.0.0.1") instanceof SignIn.Refused);
        assertEquals(List.of("cuenta-creada", "inicio-sesion", "inicio-sesion-fallido", "inicio-sesion-fallido"),
                audit.actions());
    }

    @Test
    public void sessionsThatEndedUnusedAreDeletedHourlyBySignIns() {
        accounts.create("docente1", "Docente", PASSWORD, List.of());
        SessionInfo abandoned = signedIn("docente1", PASSWORD);
        clock.advance(SignInService.IDLE.plusMinutes(1));
        SessionInfo current = signedIn("docente1", PASSWORD);
        // Nobody presented the first session again, which would have deleted it on the spot.
        long kept = database.inTransaction(c -> Sql.first(c, "SELECT COUNT(*) FROM web_session WHERE username = ?",
                row -> row.getLong(1), "docente1")).orElseThrow();
        assertEquals(1, kept);
        assertTrue(signIn.resolve(abandoned.token()).isEmpty());
        assertEquals("docente1", signIn.resolve(current.token()).orElseThrow().caller().username());
    }

    @Test
    public void refusesWeakPasswordsBadUsernamesAndDuplicates() {
        assertThrows(IllegalArgumentException.class, () -> accounts.create("docente1", "D", "corta", List.of()));
        IllegalArgumentException containsName = assertThrows(IllegalArgumentException.class,
                () -> accounts.create("docente1", "D", "docente1-y-mas-texto", List.of()));
        assertTrue(containsName.getMessage(), containsName.getMessage().contains("nombre de usuario"));
        assertThrows(IllegalArgumentException.class, () -> accounts.create("ñu ñu", "D", PASSWORD, List.of()));
        accounts.create("docente1", "Docente", PASSWORD, List.of());
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> accounts.create("Docente1", "Otra", PASSWORD, List.of()));
        assertTrue(taken.getMessage(), taken.getMessage().contains("ya existe"));
    }

    @Test
    public void aGuesserAtOneAddressSlowsOnlyHimselfNeverTheOwner() {
        accounts.create("docente1", "Docente", PASSWORD, List.of());
        for (int i = 1; i < SignInService.FREE_ATTEMPTS; i++) {
            assertTrue(signIn.signIn("docente1", "contraseña-equivocada", "203.0.113.7") instanceof SignIn.Refused);
        }
        assertEquals(new SignIn.Throttled(SignInService.FIRST_DELAY),
                signIn.signIn("docente1", "contraseña-equivocada", "203.0.113.7"));
        assertTrue("the guesser waits, even with the right password",
                signIn.signIn("docente1", PASSWORD, "203.0.113.7") instanceof SignIn.Throttled);
        signedIn("docente1", PASSWORD);

        clock.advance(SignInService.FIRST_DELAY);
        assertEquals("each further failure doubles the wait", new SignIn.Throttled(SignInService.FIRST_DELAY
                .multipliedBy(2)), signIn.signIn("docente1", "otra-equivocada", "203.0.113.7"));
        clock.advance(SignInService.FIRST_DELAY.multipliedBy(2));
        assertTrue(signIn.signIn("docente1", PASSWORD, "203.0.113.7") instanceof SignIn.SignedIn);
    }

    @Test
    public void aGuesserSentToAnotherNodeIsHeldBackThereToo() {
        accounts.create("docente1", "Docente", PASSWORD, List.of());
        SignInService otherNode = new SignInService(database, audit, new ResolvedSessions(), clock, 2);
        for (int i = 0; i < SignInService.FREE_ATTEMPTS - 1; i++) {
            SignInService node = i % 2 == 0 ? signIn : otherNode;
            assertEquals(new SignIn.Refused(), node.signIn("docente1", "contraseña-equivocada", "203.0.113.7"));
        }
        assertEquals("the failures of both nodes count together", new SignIn.Throttled(SignInService.FIRST_DELAY),
                otherNode.signIn("docente1", "otra", "203.0.113.7"));
        assertTrue(signIn.signIn("docente1", PASSWORD, "203.0.113.7") instanceof SignIn.Throttled);
        clock.advance(SignInService.FIRST_DELAY);
        assertTrue(otherNode.signIn("docente1", PASSWORD, "203.0.113.7") instanceof SignIn.SignedIn);
        assertTrue("the success cleared the count on every node", signIn.signIn("docente1", "x", "203.0.113.7")
                instanceof SignIn.Refused);
    }

    @Test
    public void aSignOutOnOneNodeEndsTheSessionOnTheOthersAtOnceNotAfterTheirCache() {
        accounts.create("docente1", "Docente", PASSWORD, List.of());
        ResolvedSessions otherCache = new ResolvedSessions();
        SignInService otherNode = new SignInService(database, audit, otherCache, clock, 2);
        // Both nodes hear every announcement, as through PostgreSQL's notifications.
        mx.cte.cluster.api.Cluster nodes = (mx.cte.cluster.api.Cluster) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {mx.cte.cluster.api.Cluster.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("announce")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    resolved.announced((String) args[1]);
                    otherCache.announced((String) args[1]);
                    return null;
                });
        resolved.setCluster(nodes);
        otherCache.setCluster(nodes);
        SessionInfo session = signedIn("docente1", PASSWORD);
        assertTrue("the other node resolved it and keeps it for a few seconds",
                otherNode.resolve(session.token()).isPresent());
        signIn.signOut(session.token());
        assertTrue(otherNode.resolve(session.token()).isEmpty());

        SessionInfo again = signedIn("docente1", PASSWORD);
        assertTrue(otherNode.resolve(again.token()).isPresent());
        Account account = accounts.find("docente1").orElseThrow();
        accounts.setGrants("docente1", List.of(RoleGrant.parse("docente@15EJN0101A")), account.version());
        assertTrue("new roles apply on every node at once", otherNode.resolve(again.token()).isEmpty());
    }

    @Test
    public void failuresNobodyRepeatedForAnHourAreForgotten() {
        for (int i = 0; i < SignInService.FREE_ADDRESS_ATTEMPTS; i++) {
            signIn.signIn("usuario" + i, "contraseña-equivocada", "203.0.113.7");
        }
        assertTrue(signIn.signIn("otro", "x", "203.0.113.7") instanceof SignIn.Throttled);
        clock.advance(SignInService.FORGET_AFTER.plusMinutes(1));
        assertEquals("counted from one again", new SignIn.Refused(), signIn.signIn("otro", "x", "203.0.113.7"));
    }

    @Test
    public void unknownAndExistingAccountsAreAnsweredAlike() {
        accounts.create("docente1", "Docente", PASSWORD, List.of());
        for (int i = 0; i < SignInService.FREE_ATTEMPTS + 1; i++) {
            assertEquals("attempt " + (i + 1), signIn.signIn("docente1", "x", "10.0.0.5"),
                    signIn.signIn("nadie.existe", "x", "10.0.0.6"));
        }
    }

    @Test
    public void throttlesAnAddressThatKeepsFailing() {
        for (int i = 0; i < SignInService.FREE_ADDRESS_ATTEMPTS; i++) {
            signIn.signIn("usuario" + i, "contraseña-equivocada", "203.0.113.7");
        }
        assertTrue(signIn.signIn("otro", "x", "203.0.113.7") instanceof SignIn.Throttled);
        accounts.create("docente1", "Docente", PASSWORD, List.of());
        assertTrue("other addresses are not affected", signIn.signIn("docente1", PASSWORD, "198.51.100.1")
                instanceof SignIn.SignedIn);
        clock.advance(SignInService.MAX_DELAY);
        assertTrue(signIn.signIn("docente1", PASSWORD, "203.0.113.7") instanceof SignIn.SignedIn);
    }

    @Test
    public void withNoPasswordCheckFreeASignInIsAnsweredBusyWithoutHashing() {
        SignInService saturated = new SignInService(database, audit, resolved, clock, 0);
        accounts.create("docente1", "Docente", PASSWORD, List.of());
        assertEquals(new SignIn.Busy(SignInService.PERMIT_WAIT), saturated.signIn("docente1", PASSWORD, "10.0.0.1"));
        assertTrue("a busy answer counts no failure", signIn.signIn("docente1", PASSWORD, "10.0.0.1")
                instanceof SignIn.SignedIn);
    }

    @Test
    public void concurrentChecksAreSizedToTheHeap() {
        assertEquals(1, SignInService.hashPermitsFor(64L * 1024 * 1024));
        assertTrue(SignInService.hashPermitsFor(256L * 1024 * 1024) <= 3);
        assertTrue(SignInService.hashPermitsFor(512L * 1024 * 1024) >= 1);
    }

    @Test
    public void sessionsEndOnSignOutIdlenessAbsoluteLimitAndAccountChanges() {
        accounts.create("docente1", "Docente", PASSWORD, List.of(RoleGrant.parse("docente@15EJN0101A")));
        SessionInfo session = signedIn("docente1", PASSWORD);
        assertTrue(signIn.resolve(session.token()).isPresent());
        signIn.signOut(session.token());
        assertTrue(signIn.resolve(session.token()).isEmpty());

        SessionInfo idle = signedIn("docente1", PASSWORD);
        clock.advance(SignInService.IDLE.plusSeconds(1));
        assertTrue(signIn.resolve(idle.token()).isEmpty());

        SessionInfo busy = signedIn("docente1", PASSWORD);
        for (Duration used = Duration.ZERO; used.compareTo(SignInService.ABSOLUTE) < 0; used = used.plusHours(1)) {
            assertTrue("used every hour: " + used, signIn.resolve(busy.token()).isPresent());
            clock.advance(Duration.ofHours(1));
        }
        assertTrue(signIn.resolve(busy.token()).isEmpty());

        SessionInfo before = signedIn("docente1", PASSWORD);
        assertTrue(signIn.resolve(before.token()).isPresent());
        Account account = accounts.find("docente1").orElseThrow();
        accounts.setGrants("docente1", List.of(RoleGrant.parse("director@15EJN0101A")), account.version());
        assertTrue("new roles apply at once", signIn.resolve(before.token()).isEmpty());

        SessionInfo beforeDisable = signedIn("docente1", PASSWORD);
        assertTrue(signIn.resolve(beforeDisable.token()).isPresent());
        accounts.setEnabled("docente1", false);
        assertTrue(signIn.resolve(beforeDisable.token()).isEmpty());
        assertTrue(signIn.signIn("docente1", PASSWORD, "10.0.0.1") instanceof SignIn.Refused);
        assertTrue(signIn.resolve("no-es-un-token").isEmpty());
    }

    @Test
    public void aSessionInUseIsWrittenAtMostOnceInTenMinutesAndLivesAsLongAsItIsUsed() {
        accounts.create("docente1", "Docente", PASSWORD, List.of());
        SessionInfo session = signedIn("docente1", PASSWORD);
        Instant signedInAt = clock.instant();
        // Used every minute, each time past what memory keeps: read from the database, not written.
        for (int minute = 1; minute <= 9; minute++) {
            clock.advance(Duration.ofMinutes(1));
            assertTrue(signIn.resolve(session.token()).isPresent());
        }
        assertEquals(signedInAt, lastSeen(session));

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals(clock.instant().plus(SignInService.IDLE), signIn.resolve(session.token()).orElseThrow()
                .expiresAt());
        assertEquals(clock.instant(), lastSeen(session));

        for (Duration used = Duration.ZERO; used.compareTo(SignInService.IDLE.multipliedBy(2)) < 0;
                used = used.plusMinutes(10)) {
            clock.advance(Duration.ofMinutes(10));
            assertTrue("used every ten minutes: " + used, signIn.resolve(session.token()).isPresent());
        }
    }

    private Instant lastSeen(SessionInfo session) {
        return database.inTransaction(c -> AccountStore.session(c, SignInService.sha256(session.token())))
                .orElseThrow().lastSeenAt();
    }

    @Test
    public void aResolvedSessionIsKeptInMemoryBrieflyAndAPasswordChangeEndsItAtOnce() {
        accounts.create("docente1", "Docente", PASSWORD, List.of(RoleGrant.parse("docente@15EJN0101A")));
        SessionInfo session = signedIn("docente1", PASSWORD);
        assertTrue(signIn.resolve(session.token()).isPresent());
        // Removed behind the service's back (another node signing it out): still served from memory...
        database.inTransaction(connection -> {
            AccountStore.deleteSession(connection, SignInService.sha256(session.token()));
            return null;
        });
        assertTrue(signIn.resolve(session.token()).isPresent());
        // ...but not after the time a cached session is trusted.
        clock.advance(ResolvedSessions.TTL);
        assertTrue(signIn.resolve(session.token()).isEmpty());

        SessionInfo other = signedIn("docente1", PASSWORD);
        assertTrue(signIn.resolve(other.token()).isPresent());
        accounts.setPassword("docente1", "otra-contraseña-larga-2017");
        assertTrue("a password change ends the sessions at once", signIn.resolve(other.token()).isEmpty());
    }

    @Test
    public void theStaffOfASchoolAreItsEnabledTeachersAndDirector() {
        accounts.create("directora.a", "Directora A", PASSWORD, List.of(RoleGrant.parse("director@15EJN0101A")));
        accounts.create("docente.a", "Docente A", PASSWORD, List.of(RoleGrant.parse("docente@15EJN0101A"),
                RoleGrant.parse("docente@15EJN0102B")));
        accounts.create("docente.b", "Docente B", PASSWORD, List.of(RoleGrant.parse("docente@15EJN0102B")));
        accounts.create("supervisora", "Supervisora", PASSWORD,
                List.of(RoleGrant.parse("supervisor@15-preescolar-015")));
        accounts.create("ex.docente.a", "Ex docente A", PASSWORD, List.of(RoleGrant.parse("docente@15EJN0101A")));
        accounts.setEnabled("ex.docente.a", false);

        List<Account> staff = accounts.staffOf(Cct.parse("15EJN0101A"));
        assertEquals(List.of("directora.a", "docente.a"), staff.stream().map(Account::username).toList());
        assertEquals("with all their grants", 2, staff.get(1).grants().size());
    }

    @Test
    public void roleChangesNeedTheCurrentVersion() {
        Account created = accounts.create("supervisora", "Supervisora", PASSWORD,
                List.of(RoleGrant.parse("supervisor@15-preescolar-015")));
        accounts.setGrants("supervisora", List.of(RoleGrant.parse("supervisor@15-preescolar-016")),
                created.version());
        StaleVersionException stale = assertThrows(StaleVersionException.class, () -> accounts.setGrants(
                "supervisora", List.of(RoleGrant.parse("administrador")), created.version()));
        assertEquals(created.version() + 1, stale.currentVersion());
        Caller caller = new Caller("supervisora", "S", accounts.find("supervisora").orElseThrow().grants());
        assertTrue(caller.canRead(Cct.parse("15EJN0101A"), ZoneId.parse("15-preescolar-016")));
        assertFalse(caller.isAdministrator());
    }
}
