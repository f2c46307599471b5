package mx.cte.guide.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import mx.cte.guide.api.GuideProblem;

/**
 * The descriptor read once as a stream of tokens: whether it is JSON at all (with a Spanish message that says where
 * and what is wrong, for a state team that edits the file by hand), and the line where each value starts, so every
 * later problem, found by its JSON path, also names its line.
 */
final class DescriptorLines {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final Map<String, Integer> lineByPath;

    private DescriptorLines(Map<String, Integer> lineByPath) {
        this.lineByPath = lineByPath;
    }

    /** The lines of a well-formed descriptor, or the syntax problem that stops it being read (with its line). */
    static Scan scan(String json) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return Scan.failed(new GuideProblem("$", "el descriptor está vacío", 1));
            }
            int depth = 0;
            do {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                }
                if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    JsonStreamContext context = parser.getParsingContext();
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        context = context.getParent();
                    }
                    lines.putIfAbsent(path(context), parser.currentTokenLocation().getLineNr());
                }
                token = depth > 0 ? parser.nextToken() : null;
            } while (token != null);
            JsonToken after = parser.nextToken();
            if (after != null) {
                return Scan.failed(new GuideProblem("$", "hay contenido después del objeto JSON principal (línea "
                        + parser.currentTokenLocation().getLineNr() + "): el descriptor es un solo objeto { … }",
                        parser.currentTokenLocation().getLineNr()));
            }
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            return Scan.failed(new GuideProblem("$", "el descriptor no es JSON válido en la línea " + line
                    + ", columna " + column + ": " + explain(e.getOriginalMessage()), line));
        } catch (IOException e) {
            return Scan.failed(new GuideProblem("$", "no se pudo leer el descriptor: " + e.getMessage(), 0));
        }
        return new Scan(new DescriptorLines(lines), null);
    }

    /** Whether a scan gave lines, or the problem that made the descriptor unreadable. */
    record Scan(DescriptorLines lines, GuideProblem syntaxProblem) {

        static Scan failed(GuideProblem problem) {
            return new Scan(null, problem);
        }
    }

    /** The problem with the line of its value, or of the nearest enclosing value that has one. */
    GuideProblem locate(GuideProblem problem) {
        return lineOf(problem.path()).map(problem::atLine).orElse(problem);
    }

    Optional<Integer> lineOf(String path) {
        String candidate = path;
        while (candidate != null) {
            Integer line = lineByPath.get(candidate);
            if (line != null) {
                return Optional.of(line);
            }
            candidate = parent(candidate);
        }
        return Optional.empty();
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? null : path.substring(0, cut);
    }

    /** The path the docs and the schema's errors use: {@code $.sections[0].activities[2].number}. */
    private static String path(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "$";
        }
        String parent = path(context.getParent());
        return context.inArray() ? parent + "[" + context.getCurrentIndex() + "]"
                : parent + "." + context.getCurrentName();
    }

    /** What the parser's English message means, said for someone who edits the file by hand. */
    static String explain(String parserMessage) {
        String m = parserMessage == null ? "" : parserMessage;
        if (m.contains("end-of-input")) {
            return "el archivo termina antes de cerrar todo lo que abrió (falta una } o una ])";
        }
        if (m.contains("code 39")) {
            return "los textos y los nombres van entre comillas dobles (\"), no simples (')";
        }
        if (m.contains("was expecting double-quote to start field name")) {
            return "se esperaba el nombre de un miembro entre comillas dobles (¿sobra una coma antes de } ?)";
        }
        if (m.contains("was expecting comma to separate")) {
            return "falta una coma entre dos elementos";
        }
        if (m.contains("was expecting a colon")) {
            return "falta ':' entre el nombre de un miembro y su valor";
        }
        if (m.contains("Unrecognized token")) {
            return "hay una palabra que no es un valor JSON: los textos van entre comillas dobles; true, false y null,"
                    + " en minúsculas";
        }
        if (m.contains("Illegal unquoted character") || m.contains("CTRL-CHAR")) {
            return "un texto tiene un salto de línea o un tabulador sin escribir como \\n o \\t";
        }
        if (m.contains("code 47") || m.contains("comments")) {
            return "JSON no admite comentarios";
        }
        if (m.contains("expected a value") || m.contains("expected a valid value")) {
            return "se esperaba un valor (texto entre comillas, número, true, false, null, objeto o lista)"
                    + " (¿sobra una coma antes de ] ?)";
        }
        return "hay un carácter que no corresponde en ese lugar (revise comas, comillas, llaves y corchetes)";
    }
}
