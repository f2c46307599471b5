package mx.cte.guide.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mx.cte.core.http.PublicDocument;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideSource;
import mx.cte.guide.api.GuideStatus;
import mx.cte.guide.api.Publisher;
import org.junit.Test;

/** A guide edition's document is encoded once and served as it is until the edition changes. */
public class GuideJsonTest {

    private final Map<String, GuideJson.SerializedGuide> serialized = new HashMap<>();
    private final Guide guide = new Guide(2, GuideId.parse("SEP:2019-2020:primaria:ordinaria-2"), List.of(), "1.0.0",
            "Segunda sesión", "", new Publisher("SEP", "SEP", List.of()), List.of(), List.of(), null, null, null,
            List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    private final GuideSource source = new GuideSource(7, "guia", "1.0.0", "guide.json");

    @Test
    public void theSameEditionIsServedFromTheSameEncodedDocument() {
        GuideEdition edition = new GuideEdition(guide, GuideStatus.ACTIVE, Set.of(), source);

        PublicDocument first = GuideJson.editionDocument(edition, serialized);

        assertSame(first, GuideJson.editionDocument(edition, serialized));
        assertSame("an equal edition read again from the registry", first,
                GuideJson.editionDocument(new GuideEdition(guide, GuideStatus.ACTIVE, Set.of(), source), serialized));
    }

    @Test
    public void anEditionWhoseSummaryChangedGetsANewDocument() {
        PublicDocument active = GuideJson.editionDocument(new GuideEdition(guide, GuideStatus.ACTIVE, Set.of(),
                source), serialized);

        PublicDocument unsatisfied = GuideJson.editionDocument(new GuideEdition(guide, GuideStatus.UNSATISFIED,
                Set.of("tabla"), source), serialized);

        assertNotEquals(active.etag(), unsatisfied.etag());
        assertEquals(1, serialized.size());
    }
}
