package mx.cte.idempotency;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import mx.cte.cluster.api.Chore;
import mx.cte.cluster.api.Cluster;
import mx.cte.core.api.text.LogText;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.JsonServlet;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.RequestBodies;
import mx.cte.security.api.Caller;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every signed-in write ({@code POST}, {@code PUT}, {@code DELETE}) is one unit of work: the module's rows, its audit
 * entry and, for a keyed write, the answer kept for its key commit together, once, and the answer goes out only after
 * that commit; a server error (5xx) or an exception rolls all of it back.
 *
 * <p>A write sent with an {@value #HEADER} header takes effect once per signed-in user and key: a repeat gets the first
 * answer again, marked {@value #REPLAYED}. The web UI sends every edit it kept while offline this way, so an edit whose
 * answer was lost on a bad connection, or on a server killed after its commit, is not stored twice. The same key with a
 * different request is refused (422), and a repeat while the first is still running waits its turn (409 with
 * Retry-After; on PostgreSQL it first waits up to 5 s for the first to end, then replays its answer). Answers of 5xx
 * are not kept, so the retry runs again. Ranked below the session filter, so the caller is known.
 */
@Component(service = Filter.class, property = "service.ranking:Integer=-10")
@HttpWhiteboardFilterName("cte-idempotency")
@HttpWhiteboardFilterPattern("/api/*")
public final class IdempotencyFilter implements Filter {

    static final String HEADER = JsonServlet.IDEMPOTENCY_HEADER;
    static final String REPLAYED = "Idempotent-Replayed";
    /** What a client may use as a key: a UUID, or any 8 to 100 letters, digits and {@code . _ : -}. */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    /** Keyed writes are edits, not uploads: their body is held in memory to be compared with a repeat's. */
    static final int MAX_BODY = 4 * 1024 * 1024;
    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final Database database;
    private final IdempotencyStore store;
    private final Clock clock;
    private final Chore purge = new Chore("limpieza-idempotencia", Duration.ofHours(1), this::forgetOldAnswers);

    @Activate
    public IdempotencyFilter(@Reference Database database) {
        this(database, new IdempotencyStore(database, Clock.systemUTC()), Clock.systemUTC());
    }

    IdempotencyFilter(Database database, IdempotencyStore store, Clock clock) {
        this.database = database;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String key = request.getHeader(HEADER);
        Object caller = request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        if (!WRITES.contains(request.getMethod()) || !(caller instanceof Caller)) {
            chain.doFilter(request, response);
            return;
        }
        if (key == null) {
            inOneUnit(request, response, chain, null);
            return;
        }
        String path = request.getRequestURI();
        if (!KEY.matcher(key).matches()) {
            JsonResponses.writeProblem(response, HttpServletResponse.SC_BAD_REQUEST, "Clave de idempotencia no válida",
                    "El encabezado " + HEADER + " debe tener de 8 a 100 letras, dígitos o . _ : - (por ejemplo, un"
                            + " UUID).", path);
            return;
        }
        byte[] body;
        try {
            body = RequestBodies.read(request, MAX_BODY, "Una escritura con " + HEADER + " admite hasta "
                    + MAX_BODY / (1024 * 1024) + " MB.");
        } catch (ProblemException problem) {
            JsonResponses.writeProblem(response, problem.status(), problem.title(), problem.detail(), path);
            return;
        }
        String username = ((Caller) caller).username();
        purgeNowAndThen();
        Keyed keyed = new Keyed(username, key, fingerprint(request, body));
        inOneUnit(new ReplayableRequest(request, body), response, chain, keyed);
    }

    /** Answers a repeat, a key reused or a request still running: a claim that is not this request's. */
    private void answeredWithoutRunning(IdempotencyStore.Claim claim, HttpServletRequest request,
            HttpServletResponse response, Keyed keyed) throws IOException {
        String path = request.getRequestURI();
        if (claim instanceof IdempotencyStore.Replay replay) {
            LOG.info("{} {} by {} repeated with key {}: answering {} again", request.getMethod(), path,
                    keyed.username(), keyed.key(), replay.answer().status());
            replay(response, replay.answer());
            return;
        }
        if (claim instanceof IdempotencyStore.OtherRequest) {
            LOG.info("{} {} by {} refused: key {} was used for another request", request.getMethod(), path,
                    keyed.username(), keyed.key());
            JsonResponses.writeProblem(response, 422, "Clave de idempotencia ya usada", "La clave " + keyed.key()
                    + " ya se usó para otra petición; cada cambio necesita su propia clave.", path);
            return;
        }
        if (claim instanceof IdempotencyStore.InProgress) {
            JsonResponses.writeRetryLater(response, HttpServletResponse.SC_CONFLICT, 1, "Petición en curso",
                    "Una petición con la clave " + keyed.key() + " se está procesando; se reintentará en un momento.",
                    path);
        }
    }

    /** The key a write was claimed with. */
    private record Keyed(String username, String key, String fingerprint) {
    }

    /**
     * Runs the write in one unit of work and sends its answer once the unit committed. The container's own error (no
     * servlet for the path: a module being updated) is not the module's answer: nothing is kept, and it goes on to the
     * outer filters as if this filter were not there.
     */
    private void inOneUnit(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Keyed keyed)
            throws IOException, ServletException {
        CapturedResponse captured = new CapturedResponse(response);
        Ending ending = Ending.NOT_RUN;
        IdempotencyStore.Claim notOurs = null;
        boolean claimed = false;
        Database.UnitOfWork unit;
        try {
            unit = database.beginUnitOfWork();
        } catch (StorageException busy) {
            // No connection or no turn in time: the database is overloaded or away. Nothing ran; the client's
            // outbox sends the write again.
            LOG.warn("{} {} refused: no unit of work could begin: {}", request.getMethod(),
                    LogText.of(request.getRequestURI()), busy.getMessage());
            JsonResponses.writeRetryLater(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, 2, "Servicio ocupado",
                    "La base de datos está ocupada y el cambio no se guardó; se reintentará en un momento.",
                    request.getRequestURI());
            return;
        }
        try {
            try (unit) {
                // Claimed on the unit's connection: a write waits for a pooled connection once, not twice (the
                // mixed load's threads queue for the pool; see docs/performance.md).
                IdempotencyStore.Claim claim = keyed != null
                        ? store.claim(keyed.username(), keyed.key(), keyed.fingerprint())
                        : new IdempotencyStore.Claimed();
                claimed = claim instanceof IdempotencyStore.Claimed;
                if (claimed) {
                    ending = run(unit, request, response, captured, chain, keyed);
                } else {
                    notOurs = claim; // the unit rolls back as it closes: nothing of this request is kept
                }
            }
            if (notOurs != null) {
                answeredWithoutRunning(notOurs, request, response, keyed);
                return;
            }
            if (ending == Ending.NOT_STORED) {
                // The module's answer would claim a change that is not there: the client is told to send it again.
                response.reset();
                JsonResponses.writeRetryLater(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, 1,
                        "Cambio no guardado",
                        "La base de datos no aceptó el cambio y no se guardó nada; vuelva a enviarlo.",
                        request.getRequestURI());
                return;
            }
            if (ending != Ending.CONTAINER_ERROR) {
                captured.flushBuffer();
                response.getOutputStream().write(captured.bytes());
            }
        } finally {
            if (keyed != null && claimed && ending != Ending.COMMITTED) {
                store.release(keyed.username(), keyed.key());
            }
        }
    }

    /** How a write's unit of work ended. */
    private enum Ending {
        NOT_RUN,
        /** The container answered itself (no servlet for the path); its error was sent. */
        CONTAINER_ERROR,
        /** The module answered 5xx: rolled back, its answer goes out. */
        ROLLED_BACK,
        /** The database refused the commit: nothing was stored. */
        NOT_STORED,
        COMMITTED
    }

    private Ending run(Database.UnitOfWork unit, HttpServletRequest request, HttpServletResponse response,
            CapturedResponse captured, FilterChain chain, Keyed keyed) throws IOException, ServletException {
        request.setAttribute(JsonServlet.WRITE_UNIT_ATTRIBUTE, Boolean.TRUE);
        chain.doFilter(request, captured);
        if (captured.containerError != null) {
            response.sendError(captured.containerError, captured.containerErrorMessage);
            return Ending.CONTAINER_ERROR;
        }
        int status = captured.getStatus();
        if (status >= 500) {
            LOG.warn("{} {} answered {}: its writes were rolled back", request.getMethod(),
                    LogText.of(request.getRequestURI()), status);
            return Ending.ROLLED_BACK;
        }
        try {
            if (keyed != null) {
                store.complete(keyed.username(), keyed.key(), keyed.fingerprint(), new IdempotencyStore.Answer(status,
                        captured.getContentType(), captured.getHeader("Location"), new String(captured.bytes(),
                                charset(captured))));
            }
            unit.commit();
            return Ending.COMMITTED;
        } catch (RuntimeException e) {
            LOG.error("{} {}: the database did not take its unit of work; nothing of it was stored",
                    request.getMethod(), LogText.of(request.getRequestURI()), e);
            return Ending.NOT_STORED;
        }
    }

    private void purgeNowAndThen() {
        purge.maybeRun(clock.instant(), () -> cluster);
    }

    /** Optional: without it (a test, the cluster bundle being replaced) this node cleans up on its own. */
    private volatile Cluster cluster;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCluster(Cluster cluster) {
        this.cluster = cluster;
    }

    void unsetCluster(Cluster cluster) {
        if (this.cluster == cluster) {
            this.cluster = null;
        }
    }

    private void forgetOldAnswers() {
        int purged = store.purge();
        if (purged > 0) {
            LOG.info("Forgot {} idempotency answers older than {}", purged, IdempotencyStore.KEPT);
        }
    }

    private static Charset charset(HttpServletResponse response) {
        return charset(response.getCharacterEncoding());
    }

    /** The named charset; UTF-8, the API's own, when none or an unknown one is named. */
    private static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static void replay(HttpServletResponse response, IdempotencyStore.Answer answer) throws IOException {
        response.setStatus(answer.status());
        response.setHeader(REPLAYED, "true");
        if (answer.location() != null) {
            response.setHeader("Location", answer.location());
        }
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.body() != null && !answer.body().isEmpty()) {
            byte[] bytes = answer.body().getBytes(charset(response));
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            sha.update(target.getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The request with its body read once and handed out again to the servlet. */
    private static final class ReplayableRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("asynchronous reads are not used on this platform");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(body),
                    charset(getCharacterEncoding())));
        }
    }

    /** The servlet's answer held back, so it can be stored before it goes out. */
    private static final class CapturedResponse extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private PrintWriter writer;
        private ServletOutputStream stream;
        Integer containerError;
        String containerErrorMessage;

        CapturedResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) {
            containerError = status;
            containerErrorMessage = message;
        }

        @Override
        public int getStatus() {
            return containerError != null ? containerError : super.getStatus();
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        buffer.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("asynchronous writes are not used on this platform");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(buffer, charset(this)));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void resetBuffer() {
            flushBuffer();
            buffer.reset();
        }

        @Override
        public void reset() {
            super.reset();
            flushBuffer();
            buffer.reset();
        }

        byte[] bytes() {
            flushBuffer();
            return buffer.toByteArray();
        }
    }
}
