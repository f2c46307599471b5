package mx.cte.schools.impl;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.ImportProgress;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.RejectedRow;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.State;
import mx.cte.schools.api.ZoneId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a school catalogue in CSV, the shape of the SEP's public catalogue, and checks every row. Reading never writes:
 * it yields the accepted rows and the rejected ones with their line numbers and reasons.
 */
final class CatalogueCsv {

    static final int PROGRESS_EVERY = 1000;

    /** The columns a catalogue must have, with the header names the public catalogue and spreadsheets use. */
    enum Column {
        CCT("CCT", "cct", "clave", "clave cct", "cv cct", "clave ct", "clave del centro de trabajo"),
        NAME("NOMBRE", "nombre", "nombre ct", "nombre cct", "nombre escuela", "nombre de la escuela",
                "nombre del centro de trabajo"),
        STATE("ENTIDAD", "entidad", "cv ent", "clave entidad", "estado", "entidad federativa", "nombre entidad"),
        MUNICIPALITY("MUNICIPIO", "municipio", "nombre mun", "nombre municipio", "mun", "nom mun"),
        ZONE("ZONA", "zona", "zona escolar", "cv zona", "numero de zona"),
        LEVEL("NIVEL", "nivel", "nivel educativo", "nombre nivel", "nom nivel"),
        SHIFT("TURNO", "turno", "nombre turno", "nom turno");

        final String label;
        final List<String> names;

        Column(String label, String... names) {
            this.label = label;
            this.names = List.of(names);
        }
    }

    record Result(List<CatalogueRow> rows, List<RejectedRow> rejected, String problem, Charset charset) {
    }

    private CatalogueCsv() {
    }

    static Result read(byte[] content, ImportProgress progress) {
        Charset charset = StandardCharsets.UTF_8;
        String text;
        try {
            text = strictUtf8(content);
        } catch (CharacterCodingException notUtf8) {
            // Spreadsheets on Windows save CSV in their own code page.
            charset = Charset.forName("windows-1252");
            text = new String(content, charset);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n');
        String header = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        if (header.isBlank()) {
            return new Result(List.of(), List.of(), "El archivo está vacío: se esperaba una fila de encabezados con "
                    + "las columnas CCT, NOMBRE, ENTIDAD, MUNICIPIO, ZONA, NIVEL y TURNO", charset);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(header)).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<CatalogueRow> rows = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<Column, Integer> columns = null;
            int headerWidth = 0;
            Map<Cct, Integer> seen = new HashMap<>();
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (columns == null) {
                    columns = new EnumMap<>(Column.class);
                    List<String> missing = locate(record, columns);
                    if (!missing.isEmpty()) {
                        return new Result(List.of(), List.of(), "Faltan columnas en la fila de encabezados: "
                                + String.join(", ", missing) + ". Se esperan CCT, NOMBRE, ENTIDAD, MUNICIPIO, ZONA,"
                                + " NIVEL y TURNO (en cualquier orden)", charset);
                    }
                    headerWidth = record.size();
                    continue;
                }
                checkRow(record, line, headerWidth, columns, seen, rows, rejected);
                int done = rows.size() + rejected.size();
                if (done % PROGRESS_EVERY == 0) {
                    progress.progressed("revisando filas", done, -1);
                }
            }
            if (columns == null) {
                return new Result(List.of(), List.of(), "El archivo no tiene filas", charset);
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            return new Result(List.of(), List.of(), "El archivo no es un CSV legible: " + e.getMessage(), charset);
        }
        progress.progressed("revisando filas", rows.size() + rejected.size(), rows.size() + rejected.size());
        return new Result(rows, rejected, null, charset);
    }

    private static String strictUtf8(byte[] content) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    }

    private static char delimiter(String header) {
        long commas = header.chars().filter(c -> c == ',').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static List<String> locate(CSVRecord header, Map<Column, Integer> columns) {
        for (int i = 0; i < header.size(); i++) {
            String name = fold(header.get(i));
            for (Column column : Column.values()) {
                if (!columns.containsKey(column) && column.names.contains(name)) {
                    columns.put(column, i);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (!columns.containsKey(column)) {
                missing.add(column.label);
            }
        }
        return missing;
    }

    static String fold(String text) {
        String plain = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static void checkRow(CSVRecord record, int line, int width, Map<Column, Integer> columns,
            Map<Cct, Integer> seen, List<CatalogueRow> rows, List<RejectedRow> rejected) {
        String rawCct = value(record, columns, Column.CCT);
        if (record.size() != width) {
            rejected.add(new RejectedRow(line, rawCct, List.of("la fila tiene " + record.size()
                    + " columnas y el encabezado " + width)));
            return;
        }
        List<String> reasons = new ArrayList<>();
        Cct cct = null;
        try {
            cct = Cct.parse(rawCct);
        } catch (IllegalArgumentException e) {
            reasons.add(e.getMessage());
        }
        String rawState = value(record, columns, Column.STATE);
        Optional<State> state = State.parse(rawState);
        if (state.isEmpty()) {
            reasons.add("ENTIDAD '" + rawState + "' no es una entidad: use su número de 01 a 32 o su nombre");
        } else if (cct != null && cct.state() != state.get()) {
            reasons.add("la CCT " + cct + " es de la entidad " + cct.state() + " pero ENTIDAD dice "
                    + state.get());
        }
        String name = value(record, columns, Column.NAME);
        if (name.isEmpty()) {
            reasons.add("falta el NOMBRE de la escuela");
        } else if (name.length() > 200) {
            reasons.add("el NOMBRE tiene más de 200 caracteres");
        }
        String municipality = value(record, columns, Column.MUNICIPALITY);
        if (municipality.isEmpty()) {
            reasons.add("falta el MUNICIPIO");
        } else if (municipality.length() > 120) {
            reasons.add("el MUNICIPIO tiene más de 120 caracteres");
        }
        String rawLevel = value(record, columns, Column.LEVEL);
        Optional<Level> level = Level.parse(rawLevel);
        if (level.isEmpty()) {
            reasons.add("NIVEL '" + rawLevel + "' no es preescolar, primaria ni secundaria");
        }
        String rawZone = value(record, columns, Column.ZONE);
        Integer zoneNumber = null;
        if (rawZone.matches("\\d{1,4}") && Integer.parseInt(rawZone) >= 1) {
            zoneNumber = Integer.parseInt(rawZone);
        } else {
            reasons.add("ZONA '" + rawZone + "' no es un número de zona escolar (1 a 9999)");
        }
        String rawShift = value(record, columns, Column.SHIFT);
        Optional<Shift> shift = Shift.parse(rawShift);
        if (shift.isEmpty()) {
            reasons.add("TURNO '" + rawShift + "' no es un turno conocido (matutino, vespertino, nocturno,"
                    + " discontinuo, continuo, complementario, jornada ampliada)");
        }
        if (cct != null) {
            Integer earlier = seen.putIfAbsent(cct, line);
            if (earlier != null) {
                reasons.add("la CCT " + cct + " ya aparece en la línea " + earlier);
            }
        }
        if (!reasons.isEmpty()) {
            rejected.add(new RejectedRow(line, rawCct, reasons));
            return;
        }
        rows.add(new CatalogueRow(line, cct, name, municipality, new ZoneId(state.get(), level.get(), zoneNumber),
                shift.get()));
    }

    private static String value(CSVRecord record, Map<Column, Integer> columns, Column column) {
        int index = columns.get(column);
        return index < record.size() ? record.get(index).strip() : "";
    }
}
