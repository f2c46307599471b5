package mx.cte.print;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import mx.cte.results.api.Tally;

/**
 * The traffic-light chart of the web UI drawn in the PDF: per unit (grade, area) a bar of the shares of its ratings,
 * green from the bottom, then yellow, then red, on a 0-100 % scale. Drawn in vector with OpenPDF's own Helvetica, so
 * it needs no font on the server and prints sharp at any size (docs/adr/0001-web-ui.md).
 */
final class PdfLightChart {

    static final Color LOGRADO = new Color(0x00, 0x70, 0x3c);
    static final Color EN_PROCESO = new Color(0xb5, 0x81, 0x00);
    static final Color SIN_AVANCE = new Color(0xa4, 0x00, 0x0f);
    private static final Color GRID = new Color(0xcc, 0xcc, 0xcc);
    private static final Color INK = new Color(0x33, 0x33, 0x33);
    private static final float HEIGHT = 150;
    private static final float LEFT = 34;
    private static final float BOTTOM = 26;
    private static final float TOP = 8;
    private static final float LABEL_SIZE = 7;

    private PdfLightChart() {
    }

    /** The units that have ratings, drawn {@code width} points wide; units without any are left out. */
    static Image draw(PdfContentByte canvas, List<Map.Entry<String, Tally>> units, float width) {
        BaseFont font = helvetica();
        PdfTemplate chart = canvas.createTemplate(width, HEIGHT);
        float plotHeight = HEIGHT - BOTTOM - TOP;
        float plotWidth = width - LEFT - 4;
        for (int percent = 0; percent <= 100; percent += 25) {
            float y = BOTTOM + plotHeight * percent / 100;
            chart.setColorStroke(GRID);
            chart.setLineWidth(0.5f);
            chart.moveTo(LEFT, y);
            chart.lineTo(LEFT + plotWidth, y);
            chart.stroke();
            text(chart, font, percent + " %", LEFT - 4, y - 2.5f, PdfContentByte.ALIGN_RIGHT);
        }
        List<Map.Entry<String, Tally>> rated = units.stream().filter(u -> u.getValue().total() > 0).toList();
        float slot = plotWidth / Math.max(1, rated.size());
        float barWidth = Math.min(48, slot * 0.6f);
        for (int i = 0; i < rated.size(); i++) {
            Tally tally = rated.get(i).getValue();
            float x = LEFT + slot * i + (slot - barWidth) / 2;
            float y = BOTTOM;
            for (Map.Entry<Color, Integer> part : List.of(Map.entry(LOGRADO, tally.logrado()),
                    Map.entry(EN_PROCESO, tally.enProceso()), Map.entry(SIN_AVANCE, tally.sinAvance()))) {
                float height = plotHeight * part.getValue() / tally.total();
                if (height > 0) {
                    chart.setColorFill(part.getKey());
                    chart.rectangle(x, y, barWidth, height);
                    chart.fill();
                }
                y += height;
            }
            text(chart, font, fitted(font, rated.get(i).getKey(), slot - 4), LEFT + slot * i + slot / 2,
                    BOTTOM - 10, PdfContentByte.ALIGN_CENTER);
        }
        try {
            Image image = Image.getInstance(chart);
            image.setAlt("Gráfica del semáforo; los números están en la tabla siguiente.");
            return image;
        } catch (BadElementException e) {
            throw new IllegalStateException("No se pudo componer la gráfica", e);
        }
    }

    private static void text(PdfTemplate chart, BaseFont font, String text, float x, float y, int alignment) {
        chart.beginText();
        chart.setColorFill(INK);
        chart.setFontAndSize(font, LABEL_SIZE);
        chart.showTextAligned(alignment, text, x, y, 0);
        chart.endText();
    }

    /** The label as it fits under its bar, cut with an ellipsis; the table beside the chart has it whole. */
    static String fitted(BaseFont font, String label, float room) {
        if (font.getWidthPoint(label, LABEL_SIZE) <= room) {
            return label;
        }
        String cut = label;
        while (cut.length() > 1 && font.getWidthPoint(cut + "…", LABEL_SIZE) > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "…";
    }

    static BaseFont helvetica() {
        try {
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new IllegalStateException("Helvetica is built into every PDF reader and into OpenPDF", e);
        }
    }
}
