package mx.cte.core.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.BadMessageException;
import org.junit.Test;

public class JsonServletBadMessageTest {

    private static JsonServlet failingWith(RuntimeException failure) {
        return new JsonServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected String allowedMethods() {
                return "GET";
            }

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                throw failure;
            }
        };
    }

    @Test
    public void aQueryTheContainerCannotDecodeIsTheClientsMistakeA400() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        failingWith(new BadMessageException("400: Unable to parse URI query"))
                .service(FakeHttp.request("GET", "/api/v1/results/15EJN0101A/expected"), response.proxy());
        assertEquals(400, response.status);
        assertTrue(response.body(), response.body().contains("UTF-8"));
    }

    @Test
    public void anyOtherFailureStaysA500ThatSaysNothingOfTheInside() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        failingWith(new IllegalStateException("secreto interno"))
                .service(FakeHttp.request("GET", "/api/v1/x"), response.proxy());
        assertEquals(500, response.status);
        assertTrue(!response.body().contains("secreto"));
    }
}
