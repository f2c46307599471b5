package mx.cte.core.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A module's API as a table: method, path pattern, handler. Patterns are relative to the servlet's mapping
 * ({@code /api/v1/logbook/*} → {@code /{cct}/agreements/{id:int}}); a segment is a literal, a {@code {name}} that takes
 * any one segment, or a {@code {name:int}} that takes only digits (so {@code /7} and {@code /staff} can be two routes).
 * Where two patterns match, the one with more literal segments wins, then the one declared first.
 *
 * <p>A path no pattern matches is a 404 that lists the module's routes; a path matched for other methods is a 405 whose
 * {@code Allow} names those. Handlers throw {@link ProblemException} for everything a client did wrong.
 */
public final class Routes {

    /** What a route does with a call. */
    @FunctionalInterface
    public interface Handler {
        void handle(ApiCall call) throws IOException;
    }

    private record Segment(String literal, String parameter, boolean digits) {

        static Segment parse(String text, String pattern) {
            if (text.startsWith("{") && text.endsWith("}")) {
                String inside = text.substring(1, text.length() - 1);
                int colon = inside.indexOf(':');
                String name = colon < 0 ? inside : inside.substring(0, colon);
                String type = colon < 0 ? "" : inside.substring(colon + 1);
                if (name.isEmpty() || !(type.isEmpty() || type.equals("int"))) {
                    throw new IllegalArgumentException("Bad parameter '" + text + "' in route " + pattern);
                }
                return new Segment(null, name, type.equals("int"));
            }
            if (text.isEmpty() || text.contains("{") || text.contains("}")) {
                throw new IllegalArgumentException("Bad segment '" + text + "' in route " + pattern);
            }
            return new Segment(text, null, false);
        }

        boolean matches(String part) {
            if (literal != null) {
                return literal.equals(part);
            }
            if (part.isEmpty()) {
                return false;
            }
            return !digits || (part.length() <= 18 && part.chars().allMatch(c -> c >= '0' && c <= '9'));
        }
    }

    /** One row of the table. */
    public static final class Route {
        private final String method;
        private final String pattern;
        private final Handler handler;
        private final List<Segment> segments;
        private final int literals;

        private Route(String method, String pattern, Handler handler, List<Segment> segments) {
            this.method = method;
            this.pattern = pattern;
            this.handler = handler;
            this.segments = segments;
            this.literals = (int) segments.stream().filter(s -> s.literal() != null).count();
        }

        public String method() {
            return method;
        }

        public String pattern() {
            return pattern;
        }

        public Handler handler() {
            return handler;
        }

        Map<String, String> match(String[] parts) {
            if (parts.length != segments.size()) {
                return null;
            }
            Map<String, String> parameters = null;
            for (int i = 0; i < parts.length; i++) {
                Segment segment = segments.get(i);
                if (!segment.matches(parts[i])) {
                    return null;
                }
                if (segment.parameter() != null) {
                    if (parameters == null) {
                        parameters = new LinkedHashMap<>(4);
                    }
                    parameters.put(segment.parameter(), parts[i]);
                }
            }
            return parameters == null ? Map.of() : parameters;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private final List<Route> routes;

    private Routes(List<Route> routes) {
        List<Route> ordered = new ArrayList<>(routes);
        // Stable: among equally specific routes, the one declared first stays first.
        ordered.sort(Comparator.comparingInt((Route route) -> -route.literals));
        this.routes = List.copyOf(ordered);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a table; a malformed pattern or the same method and pattern twice fails at once, at activation. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        public Builder get(String pattern, Handler handler) {
            return add("GET", pattern, handler);
        }

        public Builder post(String pattern, Handler handler) {
            return add("POST", pattern, handler);
        }

        public Builder put(String pattern, Handler handler) {
            return add("PUT", pattern, handler);
        }

        public Builder delete(String pattern, Handler handler) {
            return add("DELETE", pattern, handler);
        }

        public Builder add(String method, String pattern, Handler handler) {
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("A route starts with '/': " + pattern);
            }
            List<Segment> segments = new ArrayList<>();
            if (pattern.length() > 1) {
                for (String part : pattern.substring(1).split("/", -1)) {
                    segments.add(Segment.parse(part, pattern));
                }
            }
            for (Route existing : routes) {
                if (existing.method.equals(method) && existing.segments.equals(segments)) {
                    throw new IllegalArgumentException("Route declared twice: " + method + " " + pattern);
                }
            }
            routes.add(new Route(method, pattern, handler, List.copyOf(segments)));
            return this;
        }

        public Routes build() {
            return new Routes(routes);
        }
    }

    /** A route and the path parameters it took. */
    public record Match(Route route, Map<String, String> parameters) {
    }

    /** What the table says of a method and a path. */
    public sealed interface Resolution {
    }

    /** A route takes it. */
    public record Found(Match match) implements Resolution {
    }

    /** Routes take the path but not the method: {@code allowed} is the {@code Allow} header. */
    public record WrongMethod(String allowed) implements Resolution {
    }

    /** No route takes the path. */
    public record NotFound() implements Resolution {
    }

    /**
     * @param method HEAD is served as GET
     * @param path   the path within the servlet, {@code /…}; empty or null for the servlet's root
     */
    public Resolution resolve(String method, String path) {
        String effective = method.equals("HEAD") ? "GET" : method;
        String[] parts = path == null || path.length() <= 1 ? new String[0] : path.substring(1).split("/", -1);
        Set<String> allowed = null;
        for (Route route : routes) {
            Map<String, String> parameters = route.match(parts);
            if (parameters == null) {
                continue;
            }
            if (route.method().equals(effective)) {
                return new Found(new Match(route, parameters));
            }
            if (allowed == null) {
                allowed = new TreeSet<>();
            }
            allowed.add(route.method());
        }
        if (allowed == null) {
            return new NotFound();
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        return new WrongMethod(String.join(", ", allowed));
    }

    /** Every method the table answers somewhere, for a 405 on a method no route has. */
    public String allMethods() {
        Set<String> methods = routes.stream().map(Route::method).collect(Collectors.toCollection(TreeSet::new));
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return String.join(", ", methods);
    }

    /** The table as a user of the API reads it, under the servlet's path, for a 404 and for docs. */
    public List<String> describe(String prefix) {
        return routes.stream().map(route -> route.method() + " " + prefix + route.pattern()).distinct().toList();
    }

    public List<Route> routes() {
        return routes;
    }
}
