package mx.cte.print;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A table as an XLSX workbook of one sheet: a bold header row that stays in view, numbers as numbers, text as text
 * (never a formula, whatever it starts with), columns wide enough to read.
 */
final class Spreadsheet {

    private static final int MAX_WIDTH = 60;

    private Spreadsheet() {
    }

    static void write(OutputStream out, String sheet, List<String> headers, List<List<Object>> rows)
            throws IOException {
        Workbook workbook = new Workbook(out, "Consejo Técnico Escolar", "1.0");
        Worksheet worksheet = workbook.newWorksheet(sheet);
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
        workbook.finish();
    }
}
