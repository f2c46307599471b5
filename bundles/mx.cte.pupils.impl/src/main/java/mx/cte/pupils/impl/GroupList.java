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

/**
 * A group list as a school keeps it in a spreadsheet saved as CSV: a header with {@code grado}, {@code grupo} and
 * {@code nombre} (or {@code alumno}), in any order and spelling of case and accents, separated by commas or
 * semicolons, in UTF-8 or in Windows-1252 as spreadsheets often save it.
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
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String header = text.lines().findFirst().orElse("");
        char delimiter = header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        List<FieldProblem> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).build().parse(new StringReader(text))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw InvalidContentException.of("archivo", "el archivo está vacío");
            }
            int grade = -1;
            int group = -1;
            int name = -1;
            CSVRecord head = records.get(0);
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
                        + " grupo y nombre; tiene: " + String.join(", ", head.toList()));
            }
            for (CSVRecord record : records.subList(1, records.size())) {
                int number = (int) record.getRecordNumber();
                String gradeText = record.size() > grade ? record.get(grade) : "";
                String groupText = record.size() > group ? record.get(group) : "";
                String nameText = record.size() > name ? record.get(name) : "";
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
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw InvalidContentException.of("archivo", "no se pudo leer como CSV: " + e.getMessage());
        }
        return new Parsed(lines, problems);
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
