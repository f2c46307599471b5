package mx.cte.print;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import mx.cte.results.api.GroupAssessment;
import mx.cte.results.api.Rating;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The results table of a period as CSV, one row per expected result and group with its traffic light: what a
 * director opens in a spreadsheet. Starts with a byte-order mark so spreadsheet programs read the accents as UTF-8.
 */
final class ResultsTableCsv {

    static final String[] HEADERS = {"Grado", "Grupo", "Área", "Resultado esperado", "Avance", "Semáforo",
        "Más difícil", "Razón", "Objetivo de la Ruta de Mejora", "Meta"};

    private ResultsTableCsv() {
    }

    static void write(Writer out, List<GroupAssessment> assessments) throws IOException {
        out.write('\uFEFF');
        CSVFormat format = CSVFormat.EXCEL.builder().setHeader(HEADERS).get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (GroupAssessment group : assessments) {
                for (GroupAssessment.AssessedResult assessed : group.results()) {
                    var result = assessed.result().content();
                    Rating rating = assessed.rating();
                    csv.printRecord(group.grade(), cell(group.group()), cell(result.area()), cell(result.text()),
                            rating == null ? "sin valorar" : rating.progress().wireName(),
                            rating == null ? "" : rating.progress().light(),
                            rating != null && rating.hardest() ? "sí" : "no",
                            rating == null ? "" : cell(rating.reason()), cell(result.rmeObjective()),
                            cell(result.rmeGoal()));
                }
            }
        }
    }

    /**
     * What users typed, defused for spreadsheets: a cell starting with {@code = + - @} would run as a formula when
     * opened (CSV injection), so it gets a leading apostrophe, which spreadsheets show as plain text.
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
