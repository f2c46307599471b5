package mx.cte.exchange.impl;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import mx.cte.core.api.errors.TextFields;
import mx.cte.exchange.api.Presentation;
import mx.cte.guide.api.GuideId;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.search.api.IndexedDocument;
import mx.cte.storage.api.Sql;

/** What every part of the exchange checks and reads the same way: schools, session keys, texts, presentations. */
final class ExchangeRecords {

    static final int LONG_TEXT = 4000;

    private ExchangeRecords() {
    }

    static School school(SchoolDirectory directory, Cct cct) {
        return directory.school(cct)
                .orElseThrow(() -> new NoSuchElementException("La escuela " + cct + " no está en el directorio"));
    }

    static String session(String session) {
        try {
            return GuideId.parse(session == null ? "" : session.strip()).key();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sesion: " + e.getMessage());
        }
    }

    static String limited(String field, String text, int max, boolean required) {
        return TextFields.checked(field, text, max, required);
    }

    static Presentation presentation(ResultSet row) throws SQLException {
        String grades = row.getString("grades");
        String areas = row.getString("areas");
        return new Presentation(Cct.parse(row.getString("cct")), row.getString("session_key"),
                row.getString("problem"), row.getString("causes"), row.getString("actions"),
                row.getString("results"), row.getString("practices"),
                areas.isEmpty() ? List.of() : List.of(areas.split("\\|")),
                grades.isEmpty() ? List.of() : Arrays.stream(grades.split(",")).map(Integer::valueOf).toList(),
                Sql.instant(row, "published_at"), row.getLong("version"));
    }

    /** A published presentation's id in the search index. */
    static String documentId(Cct cct, String session) {
        return cct.value() + "|" + session;
    }

    static IndexedDocument document(Presentation presentation, School school) {
        return new IndexedDocument(documentId(presentation.school(), presentation.session()),
                Map.of("problema", presentation.problem(), "causas", presentation.causes(), "acciones",
                        presentation.actions(), "resultados", presentation.results()),
                Map.of("sesion", List.of(presentation.session()), "zona", List.of(school.zone().key()),
                        "entidad", List.of(school.state().code())));
    }
}
