package mx.cte.schools.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import mx.cte.schools.api.ImportProgress;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.Modality;
import mx.cte.schools.api.RejectedRow;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.State;
import org.junit.Test;

public class CatalogueCsvTest {

    private static final String HEADER = "CCT,NOMBRE,ENTIDAD,MUNICIPIO,ZONA,NIVEL,TURNO\n";

    /** What checking and then reading the file gives. */
    record Read(List<CatalogueRow> rows, List<RejectedRow> rejected, String problem, Charset charset) {
    }

    private static Read read(byte[] content, ImportProgress progress) {
        try {
            Path file = Files.createTempFile("catalogo-", ".csv");
            try {
                Files.write(file, content);
                CatalogueCsv.Checked checked = CatalogueCsv.check(file, progress);
                List<CatalogueRow> rows = new ArrayList<>();
                if (checked.problem() == null) {
                    CatalogueCsv.forEachRow(file, checked.charset(), rows::add);
                }
                assertEquals(checked.rows(), rows.size());
                return new Read(rows, checked.rejected(), checked.problem(), checked.charset());
            } finally {
                Files.delete(file);
            }
        } catch (IOException | SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static Read read(String csv) {
        return read(csv.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);
    }

    @Test
    public void readsAValidCatalogue() {
        Read result = read(HEADER
                + "15EJN0101A,Jardín de Niños Rosaura Zapata,15,Toluca,15,PREESCOLAR,MATUTINO\n"
                + "15EPR0200B,\"Primaria Benito Juárez, turno vespertino\",MÉXICO,Metepec,7,PRIMARIA,VESPERTINO\n");
        assertNull(result.problem());
        assertEquals(List.of(), result.rejected());
        assertEquals(2, result.rows().size());
        CatalogueRow second = result.rows().get(1);
        assertEquals(3, second.line());
        assertEquals("Primaria Benito Juárez, turno vespertino", second.name());
        assertEquals(State.MEXICO, second.zone().state());
        assertEquals(Level.PRIMARIA, second.zone().level());
        assertEquals(7, second.zone().number());
        assertEquals(Shift.VESPERTINO, second.shift());
    }

    @Test
    public void rejectsEachBadRowWithItsLineAndEveryReason() {
        Read result = read(HEADER
                + "15EJN0101A,Jardín uno,15,Toluca,15,PREESCOLAR,MATUTINO\n"
                + "15EJN010A,,15,Toluca,15,PREESCOLAR,MATUTINO\n"
                + "09DJN0001Z,Jardín dos,15,Toluca,zona 3,BACHILLERATO,SABATINO\n"
                + "15EJN0101A,Jardín repetido,15,Toluca,15,PREESCOLAR,MATUTINO\n"
                + "15EJN0102B,Faltan columnas,15\n"
                + "15EJN0103C,Jardín tres,15,Toluca,15,PREESCOLAR,MATUTINO");
        List<RejectedRow> rejected = result.rejected();
        assertEquals(rejected.toString(), 4, rejected.size());

        assertEquals(3, rejected.get(0).line());
        assertEquals("15EJN010A", rejected.get(0).cct());
        assertEquals(2, rejected.get(0).reasons().size());
        assertTrue(rejected.get(0).reasons().get(0).contains("no tiene la forma"));
        assertTrue(rejected.get(0).reasons().get(1).contains("NOMBRE"));

        List<String> reasons = rejected.get(1).reasons();
        assertEquals(4, rejected.get(1).line());
        assertEquals(reasons.toString(), 4, reasons.size());
        assertTrue(reasons.get(0), reasons.get(0).contains("entidad 09 (Ciudad de México) pero ENTIDAD dice 15"));
        assertTrue(reasons.get(1), reasons.get(1).contains("NIVEL 'BACHILLERATO'"));
        assertTrue(reasons.get(2), reasons.get(2).contains("ZONA 'zona 3'"));
        assertTrue(reasons.get(3), reasons.get(3).contains("TURNO 'SABATINO'"));

        assertEquals(5, rejected.get(2).line());
        assertEquals(List.of("la CCT 15EJN0101A ya aparece en la línea 2"), rejected.get(2).reasons());
        assertEquals(6, rejected.get(3).line());
        assertTrue(rejected.get(3).reasons().get(0).contains("3 columnas"));
        assertEquals("the last line, without a final line break, is read too", 7,
                result.rows().get(result.rows().size() - 1).line());
    }

    @Test
    public void readsEveryLevelAndModalityFromTheLevelTheCctOrAModalityColumn() {
        Read result = read(HEADER
                + "15DDI0001A,CENDI Uno,15,Toluca,3,EDUCACIÓN INICIAL,MATUTINO\n"
                + "15DML0001B,CAM Número 1,15,Toluca,2,CAM,MATUTINO\n"
                + "15ETV0001C,Telesecundaria Uno,15,Lerma,40,TELESECUNDARIA,MATUTINO\n"
                + "15KJN0001D,Preescolar comunitario,15,Lerma,8,PREESCOLAR,MATUTINO\n"
                + "15DCC0001E,Preescolar indígena,15,Temoaya,9,PREESCOLAR,MATUTINO\n");
        assertEquals(result.rejected().toString(), List.of(), result.rejected());
        assertEquals(List.of(Level.INICIAL, Level.ESPECIAL, Level.SECUNDARIA, Level.PREESCOLAR, Level.PREESCOLAR),
                result.rows().stream().map(r -> r.zone().level()).toList());
        assertEquals(List.of(Modality.GENERAL, Modality.ESPECIAL, Modality.TELESECUNDARIA, Modality.COMUNITARIA,
                Modality.INDIGENA), result.rows().stream().map(CatalogueRow::modality).toList());

        Read withColumn = read("CCT,NOMBRE,ENTIDAD,MUNICIPIO,ZONA,NIVEL,TURNO,MODALIDAD\n"
                + "15EPR0001A,Primaria uno,15,Toluca,15,PRIMARIA,MATUTINO,Indígena\n"
                + "15EPR0002B,Primaria dos,15,Toluca,15,PRIMARIA,MATUTINO,nocturna\n");
        assertEquals(Modality.INDIGENA, withColumn.rows().get(0).modality());
        assertEquals(3, withColumn.rejected().get(0).line());
        assertTrue(withColumn.rejected().get(0).reasons().get(0).contains("MODALIDAD 'nocturna'"));
    }

    @Test
    public void recognisesThePublicCataloguesHeadersInAnyOrderAndSemicolons() {
        Read result = read("TURNO;NIVEL;CLAVE_CCT;NOMBRE_CT;NOMBRE ENTIDAD;NOMBRE_MUN;ZONA ESCOLAR\n"
                + "CONTINUO (TIEMPO COMPLETO);EDUCACIÓN PREESCOLAR;15djn0001a;Jardín federal;México;Toluca;015\n");
        assertNull(result.problem());
        assertEquals(List.of(), result.rejected());
        assertEquals("15DJN0001A", result.rows().get(0).cct().value());
        assertEquals(Shift.CONTINUO, result.rows().get(0).shift());
        assertEquals(15, result.rows().get(0).zone().number());
    }

    @Test
    public void readsSpreadsheetEncodingsAndByteOrderMarks() {
        String csv = HEADER + "15EJN0101A,Jardín Niños Héroes,15,Zinacantepec,15,PREESCOLAR,MATUTINO\n";
        Read latin = read(csv.getBytes(Charset.forName("windows-1252")), ImportProgress.NONE);
        assertEquals("Jardín Niños Héroes", latin.rows().get(0).name());
        assertEquals("windows-1252", latin.charset().name());
        Read bom = read("\uFEFF" + csv);
        assertEquals(1, bom.rows().size());
        assertEquals(StandardCharsets.UTF_8, bom.charset());
    }

    @Test
    public void refusesAFileWithoutTheColumnsNamingThem() {
        Read result = read("CCT,NOMBRE,MUNICIPIO\n15EJN0101A,Jardín,Toluca\n");
        assertTrue(result.problem(), result.problem().contains("ENTIDAD, ZONA, NIVEL, TURNO"));
        assertTrue(read("").problem().contains("vacío"));
    }

    @Test
    public void reportsProgressOnLongFiles() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 2500; i++) {
            csv.append(String.format("15EJN%04dA,Jardín %d,15,Toluca,15,PREESCOLAR,MATUTINO%n", i, i));
        }
        List<Integer> seen = new ArrayList<>();
        read(csv.toString().getBytes(StandardCharsets.UTF_8), (phase, done, total) -> {
            if (phase.equals("revisando filas")) {
                seen.add(done);
            }
        });
        assertEquals(List.of(1000, 2000, 2500), seen);
    }

    @Test
    public void findsDuplicatesAmongManyWithoutKeepingTheRows() {
        CctLines seen = new CctLines();
        for (int i = 0; i < 200_000; i++) {
            assertEquals(0, seen.putIfAbsent(mx.cte.schools.api.Cct.parse(String.format("15EJN%04dA", i % 10_000)
                    .substring(0, 9) + (char) ('A' + i / 10_000)), i + 2));
        }
        assertEquals(2, seen.putIfAbsent(mx.cte.schools.api.Cct.parse("15EJN0000A"), 999_999));
    }
}
