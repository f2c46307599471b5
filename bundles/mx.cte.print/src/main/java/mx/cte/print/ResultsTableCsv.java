package mx.cte.print;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mx.cte.core.api.text.SpreadsheetText;
import mx.cte.results.api.GroupAssessment;
import mx.cte.results.api.Progress;
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

    /** What a spreadsheet reader sees: Spanish words, not the API's wire values. */
    static final Map<Progress, String> PROGRESS = Map.of(
            Progress.LOGRADO, "Logrado", Progress.EN_PROCESO, "En proceso",
            Progress.SIN_AVANCE, "Sin avance");
    static final Map<Progress, String> LIGHT = Map.of(
            Progress.LOGRADO, "Verde", Progress.EN_PROCESO, "Amarillo",
            Progress.SIN_AVANCE, "Rojo");

    private ResultsTableCsv() {
    }

    static void write(Writer out, List<GroupAssessment> assessments) throws IOException {
        out.write('\uFEFF');
        CSVFormat format = CSVFormat.EXCEL.builder().setHeader(HEADERS).get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (List<Object> row : rows(assessments)) {
                csv.printRecord(row.stream().map(value -> value instanceof String text ? SpreadsheetText.defused(text) : value)
                        .toList());
            }
        }
    }

    /** The same table as a spreadsheet workbook (XLSX): its cells are never formulas, so nothing is defused. */
    static void writeXlsx(OutputStream out, List<GroupAssessment> assessments) throws IOException {
        Spreadsheet.write(out, "Resultados", List.of(HEADERS), rows(assessments));
    }

    /** One row per expected result and group, in Spanish words. */
    static List<List<Object>> rows(List<GroupAssessment> assessments) {
        List<List<Object>> rows = new ArrayList<>();
        for (GroupAssessment group : assessments) {
            for (GroupAssessment.AssessedResult assessed : group.results()) {
                var result = assessed.result().content();
                Rating rating = assessed.rating();
                rows.add(Arrays.asList(group.grade(), group.group(), result.area(), result.text(),
                        rating == null ? "Sin valorar" : PROGRESS.get(rating.progress()),
                        rating == null ? "" : LIGHT.get(rating.progress()),
                        rating != null && rating.hardest() ? "sí" : "no",
                        rating == null ? "" : rating.reason(), result.rmeObjective(), result.rmeGoal()));
            }
        }
        return rows;
    }
}
