package mx.cte.forms.impl;

import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import mx.cte.audit.api.AuditLog;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.forms.api.FilledForm;
import mx.cte.forms.api.FilledForms;
import mx.cte.forms.api.FormContent;
import mx.cte.forms.api.FormContentJson;
import mx.cte.forms.api.ProductPlace;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.guide.api.ProductRef;
import mx.cte.schools.api.Cct;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;
import mx.cte.storage.api.StaleVersionException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Guide-configured products in the platform database (table {@code forms_product}, the content as JSON): one row per
 * school, session, activity and type, checked against the layout of the session's active guide on every save.
 */
@Component(service = FilledForms.class)
public final class FilledFormsService implements FilledForms {

    static final String MODULE = "forms";
    static final String CHANGELOG = "mx/cte/forms/impl/db/changelog.xml";

    private final Database database;
    private final AuditLog audit;
    private final GuideRegistry guides;
    private final Clock clock;

    @Activate
    public FilledFormsService(@Reference Database database, @Reference AuditLog audit,
            @Reference GuideRegistry guides) {
        this(database, audit, guides, Clock.systemUTC());
    }

    FilledFormsService(Database database, AuditLog audit, GuideRegistry guides, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.guides = guides;
        this.clock = clock;
        database.migrate(MODULE, FilledFormsService.class.getClassLoader(), CHANGELOG);
    }

    @Override
    public Optional<ProductRef> product(ProductPlace place) {
        GuideId session;
        try {
            session = GuideId.parse(place.session());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return guides.active(session).flatMap(edition -> edition.guide().activity(place.activity()))
                .flatMap(activity -> activity.products().stream()
                        .filter(p -> p.type().equals(place.type()) && p.form() != null).findFirst());
    }

    @Override
    public Optional<FilledForm> find(ProductPlace place) {
        return database.inTransaction(connection -> Sql.first(connection, "SELECT content, updated_by, updated_at,"
                + " version FROM forms_product WHERE cct = ? AND session_key = ? AND activity = ? AND product_type = ?",
                row -> new FilledForm(place, content(row.getString("content")), row.getString("updated_by"),
                        Sql.instant(row, "updated_at"), row.getLong("version")), place.school().value(),
                place.session(), place.activity(), place.type()));
    }

    @Override
    public FilledForm save(ProductPlace place, FormContent content, long expectedVersion, String author) {
        ProductRef product = product(place).orElseThrow(() -> InvalidContentException.of("tipo", "la actividad "
                + place.activity() + " de la sesión " + place.session() + " no pide un producto de tipo '"
                + place.type() + "' que la guía arme (o esa guía no está activa)"));
        FormContent stored = FormCheck.checked(product.type(), product.form(), content);
        Instant now = clock.instant();
        String json = FormContentJson.write(stored).toString();
        Optional<FilledForm> current = find(place);
        database.inTransaction(connection -> {
            if (current.isEmpty() && expectedVersion == 0) {
                Sql.insertFirstVersion(connection, "«" + product.title() + "»", "INSERT INTO forms_product (cct,"
                        + " session_key, activity, product_type, content, updated_by, updated_at, version) VALUES (?,"
                        + " ?, ?, ?, ?, ?, ?, 1)", place.school().value(), place.session(), place.activity(),
                        place.type(), json, author, now);
            } else {
                Sql.updateVersioned(connection, "«" + product.title() + "»", expectedVersion,
                        current.map(FilledForm::version).orElse(0L), "UPDATE forms_product SET content = ?,"
                        + " updated_by = ?, updated_at = ?, version = version + 1 WHERE cct = ? AND session_key = ?"
                        + " AND activity = ? AND product_type = ? AND version = ?", json, author, now,
                        place.school().value(), place.session(), place.activity(), place.type());
            }
            return null;
        });
        audit.record("producto-guardado", place.school() + " " + place.session() + " actividad " + place.activity()
                + " " + place.type(), summary(stored));
        return find(place).orElseThrow();
    }

    @Override
    public List<FilledForm> ofSession(Cct school, String session) {
        return database.inTransaction(connection -> Sql.query(connection, "SELECT activity, product_type, content,"
                + " updated_by, updated_at, version FROM forms_product WHERE cct = ? AND session_key = ?"
                + " ORDER BY activity, product_type", row -> new FilledForm(new ProductPlace(school, session,
                        row.getInt("activity"), row.getString("product_type")), content(row.getString("content")),
                        row.getString("updated_by"), Sql.instant(row, "updated_at"), row.getLong("version")),
                school.value(), session));
    }

    private static String summary(FormContent content) {
        if (!content.rows().isEmpty()) {
            return content.rows().size() + " filas";
        }
        if (!content.answers().isEmpty()) {
            return content.answers().stream().filter(a -> !a.level().isEmpty()).count() + " de "
                    + content.answers().size() + " respondidos";
        }
        return content.values().values().stream().filter(v -> !v.isEmpty()).count() + " campos llenos";
    }

    private static FormContent content(String stored) {
        return FormContentJson.read(JsonParser.parseString(stored).getAsJsonObject());
    }
}
