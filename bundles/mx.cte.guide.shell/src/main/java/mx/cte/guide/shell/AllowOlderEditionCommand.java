package mx.cte.guide.shell;

import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideAdministration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code cte:guide-allow-older KEY VERSION}: an administrator's explicit, audited decision to install an edition older
 * than the newest installed one (otherwise refused as a rollback).
 */
@Service
@Command(scope = "cte", name = "guide-allow-older",
        description = "Permite instalar una edición anterior a la más reciente instalada (retroceso decidido; se audita)")
public class AllowOlderEditionCommand implements Action {

    @Reference
    private GuideAdministration guides;

    @Argument(index = 0, name = "clave", required = true, description = "Clave de la guía")
    private String key;

    @Argument(index = 1, name = "edición", required = true, description = "Edición anterior que se permite")
    private String version;

    @Override
    public Object execute() {
        try {
            guides.allowOlderEdition(GuideId.parse(key), version);
            System.out.println("Guía " + key + ": se permite instalar la edición " + version
                    + "; si ya estaba instalada y rechazada, se leyó de nuevo (vea cte:guides).");
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
