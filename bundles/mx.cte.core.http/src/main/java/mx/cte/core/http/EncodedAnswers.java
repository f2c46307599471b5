package mx.cte.core.http;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Private answers kept encoded while what they are made of stays the same object. A service that keeps its reads in
 * memory ({@link mx.cte.core.api.cache.RecentReads}) hands every request the same immutable value until a change or
 * the lifetime replaces it, so the JSON of a school's results table or of a catalogue search is encoded once per value
 * instead of once per request (the read-only load spent a fifth of its CPU building and encoding those trees;
 * docs/performance.md). A new value, by identity, is encoded again. Only the bytes are held (the value weakly: it
 * lives as long as its service keeps it), and past {@code maxBytes} of them it starts over, so memory stays bounded
 * whatever the number of schools.
 *
 * @param <K> what identifies the answer besides its value (a school and period; a school and query)
 */
public final class EncodedAnswers<K> {

    private record Encoded(WeakReference<Object> source, byte[] json) {
    }

    private final Map<K, Encoded> kept = new ConcurrentHashMap<>();
    private final AtomicLong keptBytes = new AtomicLong();
    private final long maxBytes;

    public EncodedAnswers(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Answers {@code 200} with {@code render(source)} as {@link ApiCall#ok} would, encoding it only when {@code key}'s
     * answer was last made of another object than {@code source}.
     *
     * @param source immutable: the same object must always render the same JSON
     */
    public <S> void ok(ApiCall call, K key, S source, Function<S, JsonElement> render) throws IOException {
        JsonResponses.writeEncoded(call.response(), encoded(key, source, render));
    }

    <S> byte[] encoded(K key, S source, Function<S, JsonElement> render) {
        Encoded entry = kept.get(key);
        if (entry != null && entry.source().get() == source) {
            return entry.json();
        }
        byte[] json = JsonResponses.toJson(render.apply(source)).getBytes(StandardCharsets.UTF_8);
        Encoded replaced = kept.put(key, new Encoded(new WeakReference<>(source), json));
        if (keptBytes.addAndGet(json.length - (replaced == null ? 0 : replaced.json().length)) > maxBytes) {
            kept.clear();
            keptBytes.set(0);
        }
        return json;
    }
}
