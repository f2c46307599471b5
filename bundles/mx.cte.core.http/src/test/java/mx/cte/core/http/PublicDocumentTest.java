package mx.cte.core.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class PublicDocumentTest {

    private final PublicDocument guide = PublicDocument.of("{\"clave\":\"SEP:2016-2017:preescolar:ordinaria-3\"}");

    @Test
    public void theTagFollowsTheContent() {
        assertEquals(guide.etag(), PublicDocument.of("{\"clave\":\"SEP:2016-2017:preescolar:ordinaria-3\"}").etag());
        assertNotEquals(guide.etag(), PublicDocument.of("{\"clave\":\"SEP:2016-2017:preescolar:ordinaria-4\"}")
                .etag());
        assertTrue(guide.etag(), guide.etag().matches("\"[A-Za-z0-9_-]{24}\""));
    }

    @Test
    public void aBrowserThatHasItGets304AndOneThatDoesNotGetsTheBytes() throws Exception {
        assertTrue(guide.matches(guide.etag()));
        assertTrue(guide.matches("\"otra\", W/" + guide.etag()));
        assertTrue(guide.matches("*"));
        assertFalse(guide.matches(null));
        assertFalse(guide.matches("\"otra\""));

        FakeHttp.Response revalidated = new FakeHttp.Response();
        JsonResponses.writeRevalidated(FakeRequest.of("GET", "/api/v1/guides", "/x")
                .header("If-None-Match", guide.etag()).build(), revalidated.proxy(), guide);
        assertEquals(304, revalidated.status);
        assertEquals("", revalidated.body());
        assertEquals(guide.etag(), revalidated.headers.get("ETag"));

        FakeHttp.Response fresh = new FakeHttp.Response();
        JsonResponses.writeRevalidated(FakeRequest.of("GET", "/api/v1/guides", "/x").build(), fresh.proxy(), guide);
        assertEquals(200, fresh.status);
        assertEquals("{\"clave\":\"SEP:2016-2017:preescolar:ordinaria-3\"}", fresh.body());
        assertEquals("no-cache", fresh.headers.get("Cache-Control"));
    }
}
