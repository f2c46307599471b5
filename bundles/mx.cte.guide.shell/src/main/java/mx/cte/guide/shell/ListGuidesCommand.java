package mx.cte.guide.shell;

import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideRegistry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code cte:guides}: every installed guide edition with its status. */
@Service
@Command(scope = "cte", name = "guides", description = "Lista las guías instaladas: ediciones, estado y tipos de producto faltantes")
public class ListGuidesCommand implements Action {

    @Reference
    private GuideRegistry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Guía");
        table.column("Edición");
        table.column("Estado");
        table.column("Actividades");
        table.column("Bundle");
        table.column("Tipos faltantes");
        for (GuideEdition edition : registry.editions()) {
            table.addRow().addContent(edition.key(), edition.version(), edition.status().wireName(),
                    edition.guide().activities().size(), edition.source().describe(),
                    String.join(", ", edition.missingProductTypes()));
        }
        table.print(System.out);
        registry.editions().stream().map(e -> e.guide().id()).distinct()
                .forEach(id -> registry.choice(id).filter(choice -> choice.isFallback())
                        .ifPresent(choice -> System.out.println("Guía " + id.key() + ": " + choice.fallbackReason())));
        if (!registry.refused().isEmpty()) {
            System.out.println(registry.refused().size() + " bundle(s) de guía rechazados: ver cte:guides-refused");
        }
        return null;
    }
}
