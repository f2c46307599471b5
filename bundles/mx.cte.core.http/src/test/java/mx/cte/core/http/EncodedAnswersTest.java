package mx.cte.core.http;

import static org.junit.Assert.assertEquals;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.Test;

public class EncodedAnswersTest {

    private final AtomicInteger renders = new AtomicInteger();
    private final Function<List<String>, com.google.gson.JsonElement> render = rows -> {
        renders.incrementAndGet();
        JsonObject json = new JsonObject();
        json.addProperty("filas", String.join(",", rows));
        return json;
    };

    private FakeHttp.Response answer(EncodedAnswers<String> answers, String key, List<String> source)
            throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        answers.ok(new ApiCall(FakeHttp.request("GET", "/api/v1/x"), response.proxy(), Map.of()), key, source,
                render);
        return response;
    }

    @Test
    public void theSameValueIsEncodedOnceAndAnsweredAsApiCallOkWould() throws Exception {
        EncodedAnswers<String> answers = new EncodedAnswers<>(10_000);
        List<String> table = List.of("Español", "Matemáticas");

        FakeHttp.Response first = answer(answers, "15EJN0101A 2016-11", table);
        FakeHttp.Response second = answer(answers, "15EJN0101A 2016-11", table);

        assertEquals(1, renders.get());
        assertEquals("{\"filas\":\"Español,Matemáticas\"}", second.body());
        assertEquals(first.body(), second.body());
        assertEquals(200, second.status);
        assertEquals("application/json", second.contentType);
        assertEquals("private data is never kept by a cache on the way", "no-store",
                second.headers.get("Cache-Control"));
    }

    @Test
    public void aChangedValueEvenEqualIsEncodedAgain() throws Exception {
        EncodedAnswers<String> answers = new EncodedAnswers<>(10_000);
        answer(answers, "15EJN0101A 2016-11", List.of("Español"));

        FakeHttp.Response changed = answer(answers, "15EJN0101A 2016-11", List.of("Español", "Artes"));
        answer(answers, "15EJN0101A 2016-11", new java.util.ArrayList<>(List.of("Español", "Artes")));

        assertEquals("{\"filas\":\"Español,Artes\"}", changed.body());
        assertEquals("a value is known by identity: only the service knows when it was read again", 3,
                renders.get());
    }

    @Test
    public void eachKeyHasItsOwnAnswerAndMemoryStaysBounded() throws Exception {
        // {"filas":"Español"} is 20 bytes: two answers fit in 40.
        EncodedAnswers<String> answers = new EncodedAnswers<>(40);
        List<String> table = List.of("Español");
        answer(answers, "a", table);
        answer(answers, "b", table);
        answer(answers, "a", table);
        assertEquals(2, renders.get());

        answer(answers, "c", table);
        answer(answers, "a", table);
        assertEquals("past the bound it started over", 4, renders.get());
    }
}
