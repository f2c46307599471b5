package mx.cte.print;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Tables as an XLSX workbook, a sheet each: a bold header row that stays in view, numbers as numbers, text as text
 * (never a formula, whatever it starts with), columns wide enough to read.
 */
final class Spreadsheet {

    private static final int MAX_WIDTH = 60;

    private Spreadsheet() {
    }

    /** One sheet of a workbook: its name, its header row and its rows. */
    record Sheet(String name, List<String> headers, List<List<Object>> rows) {
    }

    static void write(OutputStream out, String sheet, List<String> headers, List<List<Object>> rows)
            throws IOException {
        write(out, List.of(new Sheet(sheet, headers, rows)));
    }

    static void write(OutputStream out, List<Sheet> sheets) throws IOException {
        Workbook workbook = new Workbook(out, "Consejo Técnico Escolar", "1.0");
        for (Sheet sheet : sheets) {
            fill(workbook.newWorksheet(sheet.name()), sheet.headers(), sheet.rows());
        }
        workbook.finish();
    }

    private static void fill(Worksheet worksheet, List<String> headers, List<List<Object>> rows) {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < headers.size(); column++) {
            worksheet.value(0, column, headers.get(column));
            worksheet.style(0, column).bold().fillColor("DDE6EE").set();
            widths[column] = headers.get(column).length();
        }
        for (int row = 0; row < rows.size(); row++) {
            List<Object> cells = rows.get(row);
            for (int column = 0; column < cells.size(); column++) {
                Object value = cells.get(column);
                if (value instanceof Number number) {
                    worksheet.value(row + 1, column, number);
                } else if (value != null && !value.toString().isEmpty()) {
                    worksheet.value(row + 1, column, value.toString());
                }
                widths[column] = Math.max(widths[column], value == null ? 0 : value.toString().length());
            }
        }
        for (int column = 0; column < widths.length; column++) {
            worksheet.width(column, Math.min(MAX_WIDTH, widths[column] + 2));
        }
        worksheet.freezePane(0, 1);
    }
}
