package mx.cte.pupils.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.core.api.errors.InvalidContentException.FieldProblem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * A group list as a school keeps it: an Excel workbook (XLSX, its first sheet) or a spreadsheet saved as CSV
 * (separated by commas or semicolons, in UTF-8 or in Windows-1252 as spreadsheets often save it); a header with
 * {@code grado}, {@code grupo} and {@code nombre} (or {@code alumno}), in any order and spelling of case and accents.
 */
final class GroupList {

    /** A group list is a few hundred lines; a larger file is not one. */
    static final int MAX_BYTES = 1024 * 1024;

    record Line(int number, int grade, String group, String name) {
    }

    /** The lines read, and the problems of those that could not be (each named by its line). */
    record Parsed(List<Line> lines, List<FieldProblem> problems) {
    }

    private GroupList() {
    }

    static Parsed read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw InvalidContentException.of("archivo", "una lista de grupo tiene menos de 1 MB; ¿es el archivo"
                    + " correcto?");
        }
        List<List<String>> rows = isXlsx(bytes) ? xlsxRows(bytes) : csvRows(bytes);
        List<FieldProblem> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        if (rows.isEmpty()) {
            throw InvalidContentException.of("archivo", "el archivo está vacío");
        }
        int grade = -1;
        int group = -1;
        int name = -1;
        List<String> head = rows.get(0);
        for (int i = 0; i < head.size(); i++) {
            switch (fold(head.get(i))) {
                case "grado" -> grade = i;
                case "grupo" -> group = i;
                case "nombre", "alumno", "alumna", "nombre del alumno", "nombre completo" -> name = i;
                default -> {
                    // other columns the school keeps (CURP, fecha de nacimiento…) are not read: data not needed
                }
            }
        }
        if (grade < 0 || group < 0 || name < 0) {
            throw InvalidContentException.of("archivo", "linea 1: el encabezado necesita las columnas grado,"
                    + " grupo y nombre; tiene: " + String.join(", ", head));
        }
        for (int index = 1; index < rows.size(); index++) {
            List<String> row = rows.get(index);
            int number = index + 1;
            String gradeText = cell(row, grade);
            String groupText = cell(row, group);
            String nameText = cell(row, name);
            if (gradeText.isEmpty() && groupText.isEmpty() && nameText.isEmpty()) {
                continue;
            }
            Integer parsed = gradeOf(gradeText);
            if (parsed == null) {
                problems.add(new FieldProblem("archivo", "linea " + number + ": el grado '" + gradeText + "' no es"
                        + " un número de 1 a 6"));
            } else if (nameText.isEmpty()) {
                problems.add(new FieldProblem("archivo", "linea " + number + ": falta el nombre"));
            } else {
                lines.add(new Line(number, parsed, groupText, nameText));
            }
        }
        return new Parsed(lines, problems);
    }

    private static String cell(List<String> row, int column) {
        return row.size() > column && row.get(column) != null ? row.get(column).strip() : "";
    }

    /** An XLSX workbook is a zip: it starts with the local file header's signature. */
    private static boolean isXlsx(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** Every row of the text, empty rows kept so that line numbers are the file's. */
    private static List<List<String>> csvRows(byte[] bytes) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String header = text.lines().findFirst().orElse("");
        char delimiter = header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrim(true).build().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw InvalidContentException.of("archivo", "no se pudo leer como CSV: " + e.getMessage());
        }
        return rows;
    }

    /** The first sheet of a workbook, each row's cells as text (a whole number without decimals). */
    private static List<List<String>> xlsxRows(byte[] bytes) {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new java.io.ByteArrayInputStream(bytes));
                java.util.stream.Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            sheet.forEach(row -> {
                while (rows.size() < row.getRowNum() - 1) {
                    rows.add(List.of()); // a blank row of the sheet keeps the line numbers the school sees
                }
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : text(cell));
                }
                rows.add(cells);
            });
        } catch (IOException | RuntimeException e) {
            throw InvalidContentException.of("archivo", "no se pudo leer como libro de Excel (XLSX): "
                    + e.getMessage());
        }
        return rows;
    }

    private static String text(Cell cell) {
        if (cell.getType() == CellType.NUMBER) {
            java.math.BigDecimal number = cell.asNumber();
            return number.stripTrailingZeros().scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
        }
        return cell.getText() == null ? "" : cell.getText();
    }

    /** "3", "3°", "3o", "3ro" as the grade 3. */
    private static Integer gradeOf(String text) {
        String digits = text.replaceAll("[°ºo]|ro|do|er|to|vo$", "").strip();
        try {
            int grade = Integer.parseInt(digits);
            return grade >= 1 && grade <= 6 ? grade : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").strip()
                .toLowerCase(Locale.ROOT);
    }
}
