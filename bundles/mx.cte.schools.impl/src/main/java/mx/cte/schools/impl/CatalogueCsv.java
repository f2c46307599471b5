package mx.cte.schools.impl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.ImportProgress;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.Modality;
import mx.cte.schools.api.RejectedRow;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.State;
import mx.cte.schools.api.ZoneId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a school catalogue in CSV, the shape of the SEP's public catalogue, from a file, twice and without holding it:
 * {@link #check} checks every row and reports the rejected ones with their line numbers and reasons; once the file is
 * accepted, {@link #forEachRow} hands its rows on to be written. Checking never writes.
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
        SHIFT("TURNO", "turno", "nombre turno", "nom turno"),
        /** Optional: without it, the modality is read from the CCT (TV telesecundaria, ML CAM, K CONAFE, …). */
        MODALITY(false, "MODALIDAD", "modalidad", "tipo de servicio", "servicio", "nombre servicio", "subnivel");

        final String label;
        final List<String> names;
        final boolean required;

        Column(String label, String... names) {
            this(true, label, names);
        }

        Column(boolean required, String label, String... names) {
            this.required = required;
            this.label = label;
            this.names = List.of(names);
        }
    }

    /**
     * What checking the whole file found, without its rows (a national catalogue does not fit in the heap): how many
     * rows are good, the rejected ones (the first {@link #MAX_REJECTED}, with {@code rejectedCount} of all), a problem
     * with the file as a whole, its encoding, and the zones the good rows name.
     */
    record Checked(int rows, List<RejectedRow> rejected, int rejectedCount, String problem, Charset charset,
            Set<ZoneId> zones) {

        boolean accepted() {
            return problem == null && rejectedCount == 0;
        }
    }

    /** Receives the rows of a file that {@link #check} accepted, one at a time. */
    interface RowSink {
        void accept(CatalogueRow row) throws SQLException;
    }

    /** Rejected rows kept to report; the rest are counted. */
    static final int MAX_REJECTED = 1000;

    private CatalogueCsv() {
    }

    /** Checks every row of the file, keeping only what the report needs. */
    static Checked check(Path file, ImportProgress progress) throws IOException {
        Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        List<RejectedRow> rejected = new ArrayList<>();
        int[] counts = new int[2];
        Set<ZoneId> zones = new HashSet<>();
        String problem = parse(file, charset, (row, refusal) -> {
            if (refusal != null) {
                if (rejected.size() < MAX_REJECTED) {
                    rejected.add(refusal);
                }
                counts[1]++;
            } else {
                zones.add(row.zone());
                counts[0]++;
            }
            int done = counts[0] + counts[1];
            if (done % PROGRESS_EVERY == 0) {
                progress.progressed("revisando filas", done, -1);
            }
        });
        if (problem == null) {
            progress.progressed("revisando filas", counts[0] + counts[1], counts[0] + counts[1]);
        }
        return new Checked(counts[0], List.copyOf(rejected), counts[1], problem, charset, zones);
    }

    /** Reads again a file that {@link #check} accepted, handing each row to {@code sink}. */
    static void forEachRow(Path file, Charset charset, RowSink sink) throws IOException, SQLException {
        SQLException[] failure = {null};
        parse(file, charset, (row, refusal) -> {
            if (row != null && failure[0] == null) {
                try {
                    sink.accept(row);
                } catch (SQLException e) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** Each record as a good row or a refusal; a problem of the whole file, or null. */
    private interface RecordSink {
        void accept(CatalogueRow row, RejectedRow refusal);
    }

    private static String parse(Path file, Charset charset, RecordSink sink) throws IOException {
        String header;
        try (BufferedReader reader = Files.newBufferedReader(file, charset)) {
            header = reader.readLine();
        }
        if (header != null && header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (header == null || header.isBlank()) {
            return "El archivo está vacío: se esperaba una fila de encabezados con las columnas CCT, NOMBRE, ENTIDAD,"
                    + " MUNICIPIO, ZONA, NIVEL y TURNO";
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(header)).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (BufferedReader reader = Files.newBufferedReader(file, charset)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                Map<Column, Integer> columns = null;
                int headerWidth = 0;
                CctLines seen = new CctLines();
                for (CSVRecord record : parser) {
                    int line = (int) parser.getCurrentLineNumber();
                    if (columns == null) {
                        columns = new EnumMap<>(Column.class);
                        List<String> missing = locate(record, columns);
                        if (!missing.isEmpty()) {
                            return "Faltan columnas en la fila de encabezados: " + String.join(", ", missing)
                                    + ". Se esperan CCT, NOMBRE, ENTIDAD, MUNICIPIO, ZONA, NIVEL y TURNO (en cualquier"
                                    + " orden)";
                        }
                        headerWidth = record.size();
                        continue;
                    }
                    checkRow(record, line, headerWidth, columns, seen, sink);
                }
                if (columns == null) {
                    return "El archivo no tiene filas";
                }
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            return "El archivo no es un CSV legible: " + e.getMessage();
        }
        return null;
    }

    /** Whether the whole file is valid UTF-8, read in pieces. */
    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
            CharBuffer chars = CharBuffer.allocate(64 * 1024);
            boolean end = false;
            while (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = read < 0;
                if (!end) {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            return !decoder.flush(chars).isError();
        }
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
            if (column.required && !columns.containsKey(column)) {
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
            CctLines seen, RecordSink sink) {
        String rawCct = value(record, columns, Column.CCT);
        if (record.size() != width) {
            sink.accept(null, new RejectedRow(line, rawCct, List.of("la fila tiene " + record.size()
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
            reasons.add("NIVEL '" + rawLevel + "' no es inicial, preescolar, primaria, secundaria ni educación"
                    + " especial (CAM)");
        }
        String rawModality = columns.containsKey(Column.MODALITY) ? value(record, columns, Column.MODALITY) : "";
        Optional<Modality> modality = rawModality.isEmpty() ? Optional.ofNullable(cct).map(Modality::of)
                : Modality.parse(rawModality);
        if (modality.isEmpty() && !rawModality.isEmpty()) {
            reasons.add("MODALIDAD '" + rawModality + "' no es general, indígena, telesecundaria, comunitaria (CONAFE)"
                    + " ni especial (CAM)");
        }
        if (level.isPresent() && fold(rawLevel).contains("telesecundaria") && rawModality.isEmpty()) {
            modality = Optional.of(Modality.TELESECUNDARIA);
        }
        if (level.orElse(null) == Level.ESPECIAL && rawModality.isEmpty()) {
            modality = Optional.of(Modality.ESPECIAL);
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
            int earlier = seen.putIfAbsent(cct, line);
            if (earlier != 0) {
                reasons.add("la CCT " + cct + " ya aparece en la línea " + earlier);
            }
        }
        if (!reasons.isEmpty()) {
            sink.accept(null, new RejectedRow(line, rawCct, reasons));
            return;
        }
        sink.accept(new CatalogueRow(line, cct, name, municipality, new ZoneId(state.get(), level.get(), zoneNumber),
                shift.get(), modality.orElse(Modality.GENERAL)), null);
    }

    private static String value(CSVRecord record, Map<Column, Integer> columns, Column column) {
        int index = columns.get(column);
        return index < record.size() ? record.get(index).strip() : "";
    }
}
