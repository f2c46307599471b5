package mx.cte.changes;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;

/** What a session screen asks every few seconds, and who may ask it. */
public class ChangesServletTest {

    private final ChangeFeeds feeds = new ChangeFeeds(TestDatabases.fresh(DatabaseKind.H2));
    private final ChangesServlet servlet = new ChangesServlet(feeds, ApiFixtures.directory());

    private FakeHttp.Response ask(Caller caller, String school, String since, String ifNoneMatch) {
        FakeRequest request = FakeRequest.of("GET", "/api/v1/changes", "/" + school);
        if (since != null) {
            request.query("desde", since);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return ApiFixtures.send(servlet, caller, request);
    }

    @Test
    public void aScreenLearnsWhatChangedAndHearsNothingWhileNothingDoes() {
        FakeHttp.Response start = ask(ApiFixtures.TEACHER, "15EJN0101A", null, null);
        assertEquals(start.body(), 200, start.status);
        long from = start.json().get("ultimo").getAsLong();
        feeds.feed().note("15EJN0101A", "/api/v1/logbook/15EJN0101A/agreements", "directora");
        FakeHttp.Response changed = ask(ApiFixtures.TEACHER, "15EJN0101A", String.valueOf(from), null);
        assertEquals(1, changed.json().getAsJsonArray("cambios").size());
        assertEquals("/api/v1/logbook/15EJN0101A/agreements", changed.json().getAsJsonArray("cambios").get(0)
                .getAsJsonObject().get("ruta").getAsString());
        String etag = changed.headers.get("ETag");
        long upTo = changed.json().get("ultimo").getAsLong();
        assertTrue(etag, etag.contains(String.valueOf(upTo)));
        FakeHttp.Response same = ask(ApiFixtures.TEACHER, "15EJN0101A", String.valueOf(upTo), etag);
        assertEquals("nothing new: 304, no body", 304, same.status);
        assertEquals("", same.body());
    }

    @Test
    public void onlyWhoMayReadTheSchoolAsksAndMistakesNameTheirParameter() {
        assertEquals(200, ask(ApiFixtures.SUPERVISOR, "15EJN0101A", null, null).status);
        assertEquals(403, ask(ApiFixtures.OTHER_TEACHER, "15EJN0101A", null, null).status);
        assertEquals(401, ask(null, "15EJN0101A", null, null).status);
        FakeHttp.Response bad = ask(ApiFixtures.TEACHER, "15EJN0101A", "ayer", null);
        assertEquals(400, bad.status);
        assertEquals("desde", bad.json().get("campo").getAsString());
        assertEquals("cct", ask(ApiFixtures.TEACHER, "escuela", null, null).json().get("campo").getAsString());
    }
}
