package mx.cte.forms.api;

import java.util.List;
import java.util.Optional;
import mx.cte.guide.api.ProductRef;
import mx.cte.schools.api.Cct;
import org.osgi.annotation.versioning.ProviderType;

/** The products schools fill in as their guides lay them out. Callers check the school scope before calling. */
@ProviderType
public interface FilledForms {

    /** The product as the session's active guide names it (with its form); empty when no guide there asks for it. */
    Optional<ProductRef> product(ProductPlace place);

    Optional<FilledForm> find(ProductPlace place);

    /**
     * Stores what the school wrote, replacing what it held; audited.
     *
     * @param expectedVersion the version the edit was based on, 0 when the school had written nothing yet
     * @throws mx.cte.core.api.errors.InvalidContentException naming each value at fault ({@code filas[2].alumno},
     *                                                        {@code respuestas[0].nivel}, {@code valores.fecha})
     *                                                        or the product the session's guide does not ask for
     * @throws mx.cte.storage.api.StaleVersionException       when it changed since {@code expectedVersion}
     */
    FilledForm save(ProductPlace place, FormContent content, long expectedVersion, String author);

    /** Everything the school filled in one session, by activity and type. */
    List<FilledForm> ofSession(Cct school, String session);
}
