package mx.cte.print;

import com.lowagie.text.pdf.PdfPTable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import mx.cte.evidence.api.EvidenceFile;
import mx.cte.evidence.api.EvidenceOwner;
import mx.cte.forms.api.FilledForm;
import mx.cte.forms.api.ItemAnswer;
import mx.cte.guide.api.FormField;
import mx.cte.guide.api.ProductForm;
import mx.cte.guide.api.ProductRef;
import mx.cte.schools.api.School;

/**
 * The products a guide lays out itself (tables, short forms, checklists, rubrics) as a school filled them in one
 * session, printed and as a workbook with a sheet per product: each drawn as a grid of the same headers and rows.
 */
final class GuideProducts {

    /** Excel's limit on a sheet's name. */
    private static final int SHEET_NAME_MAX = 31;

    /**
     * A filled product with the layout its guide gives; {@code product} is null when the session's guide is no longer
     * active, and the product is then drawn from what was stored, with the stored names.
     */
    record Printed(FilledForm filled, ProductRef product) {

        String title() {
            String title = product == null || product.title().isBlank() ? typeTitle(filled.place().type())
                    : product.title();
            return "Actividad " + filled.place().activity() + ". " + title;
        }
    }

    /** What one product shows: a header per column and its rows, the same on paper and in the workbook. */
    record Grid(List<String> headers, List<List<String>> rows) {
    }

    private GuideProducts() {
    }

    static String typeTitle(String type) {
        return switch (type) {
            case ProductForm.TABLE -> "Tabla";
            case ProductForm.FORM -> "Formulario";
            case ProductForm.CHECKLIST -> "Lista de cotejo";
            case ProductForm.RUBRIC -> "Rúbrica";
            default -> type;
        };
    }

    static Grid grid(Printed printed) {
        FilledForm filled = printed.filled();
        ProductForm form = printed.product() == null ? null : printed.product().form();
        String type = filled.place().type();
        if (type.equals(ProductForm.TABLE)) {
            List<String> names = form != null ? form.fields().stream().map(FormField::name).toList()
                    : filled.content().rows().stream().flatMap(row -> row.keySet().stream()).distinct().toList();
            List<String> headers = form != null ? form.fields().stream().map(FormField::label).toList() : names;
            List<List<String>> rows = filled.content().rows().stream()
                    .map(row -> names.stream().map(name -> row.getOrDefault(name, "")).toList()).toList();
            return new Grid(headers, rows);
        }
        if (type.equals(ProductForm.FORM)) {
            List<List<String>> rows = new ArrayList<>();
            Map<String, String> values = filled.content().values();
            if (form != null) {
                form.fields().forEach(field -> rows.add(List.of(field.label(), values.getOrDefault(field.name(), ""))));
            } else {
                values.forEach((name, value) -> rows.add(List.of(name, value)));
            }
            return new Grid(List.of("Campo", "Valor"), rows);
        }
        boolean rubric = type.equals(ProductForm.RUBRIC);
        List<List<String>> rows = new ArrayList<>();
        List<ItemAnswer> answers = filled.content().answers();
        for (int i = 0; i < answers.size(); i++) {
            String item = form != null && i < form.items().size() ? form.items().get(i)
                    : (rubric ? "Criterio " : "Elemento ") + (i + 1);
            rows.add(List.of(item, answers.get(i).level(), answers.get(i).comment()));
        }
        return new Grid(rubric ? List.of("Criterio", "Nivel", "Comentario")
                : List.of("Elemento", "Respuesta", "Comentario"), rows);
    }

    /** @param evidenceOf the photos and PDFs attached to an owner; none when the evidence module is away */
    static void pdf(OutputStream out, School school, String session, List<Printed> products, People people,
            LocalDate printedOn, Function<EvidenceOwner, List<EvidenceFile>> evidenceOf) {
        PdfLayout pdf = PdfLayout.open(out, true, "Productos de la sesión", school, "Sesión: " + session, printedOn);
        if (products.isEmpty()) {
            pdf.note("La escuela aún no llena tablas, formatos, listas de cotejo ni rúbricas de esta sesión.");
            pdf.close();
            return;
        }
        for (Printed printed : products) {
            pdf.heading(printed.title());
            if (printed.product() == null) {
                pdf.note("La guía de esta sesión ya no está activa: se imprime lo guardado con los nombres de sus"
                        + " campos.");
            }
            Grid grid = grid(printed);
            if (grid.rows().isEmpty() || grid.headers().isEmpty()) {
                pdf.note("Sin datos guardados.");
            } else {
                float[] widths = new float[grid.headers().size()];
                Arrays.fill(widths, 1);
                PdfPTable table = PdfLayout.table(widths, grid.headers().toArray(String[]::new));
                grid.rows().forEach(row -> row.forEach(value -> PdfLayout.cell(table, value)));
                pdf.add(table);
            }
            FilledForm filled = printed.filled();
            pdf.note("Guardado por " + people.name(filled.updatedBy()) + " el "
                    + PdfLayout.longDate(LocalDate.ofInstant(filled.updatedAt(), SchoolDocuments.MEXICO)) + ".");
            pdf.evidence(evidenceOf.apply(EvidenceOwner.product(session, filled.place().activity(),
                    filled.place().type())));
        }
        pdf.close();
    }

    static void workbook(OutputStream out, List<Printed> products) throws IOException {
        List<Spreadsheet.Sheet> sheets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Printed printed : products) {
            Grid grid = grid(printed);
            List<List<Object>> rows = grid.rows().stream().map(row -> List.<Object>copyOf(row)).toList();
            sheets.add(new Spreadsheet.Sheet(sheetName(printed.title(), names), grid.headers(), rows));
        }
        if (sheets.isEmpty()) {
            sheets.add(new Spreadsheet.Sheet("Productos", List.of("Aviso"), List.of(List.of(
                    "La escuela aún no llena tablas, formatos, listas de cotejo ni rúbricas de esta sesión."))));
        }
        Spreadsheet.write(out, sheets);
    }

    /** A sheet name Excel accepts (31 characters, none of []:*?/\), unique in the workbook. */
    static String sheetName(String title, Set<String> taken) {
        String clean = title.replaceAll("[\\[\\]:*?/\\\\]", " ").replaceAll("\\s+", " ").strip();
        String name = clean.length() > SHEET_NAME_MAX ? clean.substring(0, SHEET_NAME_MAX).strip() : clean;
        for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = (clean.length() > SHEET_NAME_MAX - suffix.length()
                    ? clean.substring(0, SHEET_NAME_MAX - suffix.length()).strip() : clean) + suffix;
        }
        return name;
    }
}
