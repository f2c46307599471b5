package mx.cte.guide.shell;

import mx.cte.guide.api.GuideActivationException;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideAdministration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code cte:guide-activate KEY VERSION}: makes an installed edition the active one on every node; survives restarts. */
@Service
@Command(scope = "cte", name = "guide-activate", description = "Activa una edición instalada de una guía (también para volver a una anterior), en todos los nodos")
public class ActivateGuideCommand implements Action {

    @Reference
    private GuideAdministration guides;

    @Argument(index = 0, name = "clave", required = true, description = "Clave de la guía")
    private String key;

    @Argument(index = 1, name = "edición", required = true, description = "Edición que se activa")
    private String version;

    @Override
    public Object execute() {
        try {
            GuideEdition edition = guides.activate(GuideId.parse(key), version);
            System.out.println("Guía " + edition.key() + ": edición " + edition.version() + " activa");
        } catch (GuideActivationException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
