package mx.cte.print;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mx.cte.evidence.api.EvidenceFile;
import mx.cte.results.api.Tally;
import mx.cte.schools.api.School;

/**
 * The look shared by every printed document: A4, the school's identification on top, numbered pages, tables whose
 * header repeats on every page. Helvetica in WinAnsi covers Spanish (accents, ñ, ¿, ¡) without embedding fonts,
 * which keeps the files small for slow connections.
 */
final class PdfLayout {

    static final Font TITLE = new Font(Font.HELVETICA, 15, Font.BOLD);
    static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);
    static final Font TEXT = new Font(Font.HELVETICA, 9, Font.NORMAL);
    static final Font LABEL = new Font(Font.HELVETICA, 9, Font.BOLD);
    static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, new Color(0x44, 0x44, 0x44));
    private static final Color HEADER_FILL = new Color(0xDD, 0xE6, 0xEE);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es-MX"));

    /** "27 de enero de 2017", as people write a date in Mexico. */
    static String longDate(LocalDate date) {
        return DATE.format(date);
    }

    private final Document document;
    private final PdfWriter writer;

    private PdfLayout(Document document, PdfWriter writer) {
        this.document = document;
        this.writer = writer;
    }

    /** Opens a document on {@code out} with the title block; {@code landscape} for wide tables such as the pliego. */
    static PdfLayout open(OutputStream out, boolean landscape, String title, School school, String subtitle,
            LocalDate printedOn) {
        Document document = new Document(landscape ? com.lowagie.text.PageSize.A4.rotate()
                : com.lowagie.text.PageSize.A4, 36, 36, 36, 40);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        // The document's language, so screen readers read it in Spanish.
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("es-MX"));
        document.addTitle(title + " · " + school.name() + " (" + school.cct() + ")");
        document.addSubject(subtitle);
        document.addCreator("Plataforma del Consejo Técnico Escolar");
        HeaderFooter footer = new HeaderFooter(new Phrase(school.cct() + " · " + title + " · página ", SMALL), true);
        footer.setBorder(Rectangle.NO_BORDER);
        footer.setAlignment(Element.ALIGN_CENTER);
        document.setFooter(footer);
        document.open();
        PdfLayout layout = new PdfLayout(document, writer);
        layout.add(new Paragraph("Consejo Técnico Escolar", SMALL));
        layout.add(new Paragraph(title, TITLE));
        Paragraph identification = new Paragraph();
        identification.add(new Phrase("Escuela: ", LABEL));
        identification.add(new Phrase(school.name() + " · CCT " + school.cct() + " · " + school.level().displayName()
                + " · Zona escolar " + school.zone().number() + " · " + school.municipality() + ", "
                + school.zone().state().displayName(), TEXT));
        layout.add(identification);
        Paragraph about = new Paragraph(subtitle + " · Impreso el " + DATE.format(printedOn), TEXT);
        about.setSpacingAfter(10);
        layout.add(about);
        return layout;
    }

    void add(Element element) {
        try {
            document.add(element);
        } catch (DocumentException e) {
            throw new IllegalStateException("No se pudo componer el PDF", e);
        }
    }

    void heading(String text) {
        Paragraph heading = new Paragraph(text, HEADING);
        heading.setSpacingBefore(8);
        heading.setSpacingAfter(4);
        add(heading);
    }

    void paragraph(String label, String text) {
        Paragraph paragraph = new Paragraph();
        paragraph.add(new Phrase(label + ": ", LABEL));
        paragraph.add(new Phrase(text == null || text.isBlank() ? "—" : text, TEXT));
        paragraph.setSpacingAfter(2);
        add(paragraph);
    }

    /** Where a photo of evidence fits on the page: three across a landscape A4, each with what it shows beneath. */
    private static final float PHOTO_WIDTH = 230;
    private static final float PHOTO_HEIGHT = 172;

    /**
     * The evidence of one thing the document shows: its photos three to a row, each with what it shows; its PDFs by
     * name (a PDF is not printed inside another).
     */
    void evidence(List<EvidenceFile> files) {
        if (files.isEmpty()) {
            return;
        }
        List<EvidenceFile> photos = files.stream().filter(f -> f.evidence().mediaType().startsWith("image/")).toList();
        if (!photos.isEmpty()) {
            PdfPTable grid = new PdfPTable(3);
            grid.setWidthPercentage(100);
            grid.setSpacingAfter(4);
            for (EvidenceFile photo : photos) {
                PdfPCell cell = new PdfPCell();
                cell.setBorder(Rectangle.NO_BORDER);
                cell.setPadding(3);
                try {
                    com.lowagie.text.Image image = com.lowagie.text.Image.getInstance(photo.content());
                    image.scaleToFit(PHOTO_WIDTH, PHOTO_HEIGHT);
                    image.setAlt(label(photo.evidence()));
                    cell.addElement(image);
                } catch (java.io.IOException | RuntimeException e) {
                    cell.addElement(new Paragraph("(La foto «" + photo.evidence().fileName() + "» no pudo"
                            + " imprimirse.)", SMALL));
                }
                cell.addElement(new Paragraph(label(photo.evidence()), SMALL));
                grid.addCell(cell);
            }
            grid.completeRow();
            add(grid);
        }
        files.stream().filter(f -> !f.evidence().mediaType().startsWith("image/")).forEach(pdf -> note(
                "Documento adjunto: " + pdf.evidence().fileName() + (pdf.evidence().description().isBlank() ? ""
                        : " (" + pdf.evidence().description() + ")") + "; se consulta en la plataforma."));
    }

    private static String label(mx.cte.evidence.api.Evidence evidence) {
        return evidence.description().isBlank() ? evidence.fileName() : evidence.description();
    }

    void note(String text) {
        add(new Paragraph(text, SMALL));
    }

    private static final float WIDEST_CHART = 520;

    /**
     * A traffic-light chart of some units (grades, areas) and beneath it the table of their counts: the numbers for
     * whoever cannot read the chart, and the units left out of it because nothing was rated.
     */
    void lightChart(String caption, String unitHeader, List<Map.Entry<String, Tally>> units) {
        Paragraph title = new Paragraph(caption, LABEL);
        title.setSpacingBefore(6);
        title.setSpacingAfter(4);
        add(title);
        if (units.stream().noneMatch(u -> u.getValue().total() > 0)) {
            note("Aún no hay valoraciones de los grupos en este periodo.");
            return;
        }
        add(PdfLightChart.draw(writer.getDirectContent(), units,
                Math.min(WIDEST_CHART, document.right() - document.left())));
        Paragraph legend = new Paragraph();
        for (Map.Entry<String, Color> key : List.of(Map.entry("Logrado", PdfLightChart.LOGRADO),
                Map.entry("En proceso", PdfLightChart.EN_PROCESO), Map.entry("Sin avance", PdfLightChart.SIN_AVANCE))) {
            Chunk swatch = new Chunk("\u00a0\u00a0\u00a0", TEXT);
            swatch.setBackground(key.getValue());
            legend.add(swatch);
            legend.add(new Chunk(" " + key.getKey() + "    ", TEXT));
        }
        legend.setSpacingAfter(4);
        add(legend);
        PdfPTable table = table(new float[] {4, 1.5f, 1.5f, 1.5f}, unitHeader, "Logrado", "En proceso", "Sin avance");
        table.setWidthPercentage(Math.min(100, 100 * WIDEST_CHART / (document.right() - document.left())));
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        for (Map.Entry<String, Tally> unit : units) {
            cell(table, unit.getKey());
            cell(table, String.valueOf(unit.getValue().logrado()));
            cell(table, String.valueOf(unit.getValue().enProceso()));
            cell(table, String.valueOf(unit.getValue().sinAvance()));
        }
        add(table);
    }

    /** A full-width table whose header row repeats on each page. */
    static PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(6);
        for (String header : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(header, LABEL));
            cell.setBackgroundColor(HEADER_FILL);
            cell.setPadding(4);
            table.addCell(cell);
        }
        return table;
    }

    static void cell(PdfPTable table, String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null || text.isBlank() ? "—" : text, TEXT));
        cell.setPadding(4);
        table.addCell(cell);
    }

    void close() {
        document.close();
    }
}
