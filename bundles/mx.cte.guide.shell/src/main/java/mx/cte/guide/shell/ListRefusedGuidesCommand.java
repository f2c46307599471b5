package mx.cte.guide.shell;

import mx.cte.guide.api.GuideProblem;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.guide.api.RefusedGuide;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code cte:guides-refused}: guide bundles whose descriptor was refused, with every problem and its JSON path. */
@Service
@Command(scope = "cte", name = "guides-refused", description = "Lista los bundles de guía rechazados y los motivos")
public class ListRefusedGuidesCommand implements Action {

    @Reference
    private GuideRegistry registry;

    @Override
    public Object execute() {
        if (registry.refused().isEmpty()) {
            System.out.println("Ningún bundle de guía rechazado.");
        }
        for (RefusedGuide refused : registry.refused()) {
            System.out.println(refused.source().describe() + " (" + refused.source().descriptor() + "):");
            for (GuideProblem problem : refused.problems()) {
                System.out.println("  " + problem);
            }
        }
        return null;
    }
}
