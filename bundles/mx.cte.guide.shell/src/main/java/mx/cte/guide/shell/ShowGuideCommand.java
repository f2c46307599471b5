package mx.cte.guide.shell;

import java.util.Optional;
import java.util.stream.Collectors;
import mx.cte.guide.api.Activity;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.guide.api.Participation;
import mx.cte.guide.api.Section;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code cte:guide KEY [VERSION]}: the outline of one edition (the active one by default). */
@Service
@Command(scope = "cte", name = "guide", description = "Muestra una guía: sus secciones y actividades con el producto de cada una")
public class ShowGuideCommand implements Action {

    @Reference
    private GuideRegistry registry;

    @Argument(index = 0, name = "clave", required = true,
            description = "Clave de la guía, p. ej. SEP:2016-2017:preescolar:ordinaria-3")
    private String key;

    @Argument(index = 1, name = "edición", required = false, description = "Edición; la activa si se omite")
    private String version;

    @Override
    public Object execute() {
        GuideId id = GuideId.parse(key);
        Optional<GuideEdition> edition = version == null ? registry.active(id) : registry.edition(id, version);
        if (edition.isEmpty()) {
            System.err.println(version == null
                    ? "La guía " + key + " no tiene edición activa; ediciones instaladas: "
                            + registry.editions(id).stream().map(GuideEdition::version).toList()
                    : "La guía " + key + " no tiene instalada la edición " + version);
            return null;
        }
        Guide guide = edition.get().guide();
        System.out.println(guide.title() + (guide.subtitle().isEmpty() ? "" : " — " + guide.subtitle()));
        System.out.println("Editor: " + guide.publisher().name() + " (" + guide.publisher().code() + ")");
        System.out.println("Edición " + guide.version() + ", " + edition.get().status().wireName()
                + ", del bundle " + edition.get().source().describe());
        for (Section section : guide.sections()) {
            print(section, "");
        }
        return null;
    }

    private static void print(Section section, String indent) {
        String heading = (section.label().isEmpty() ? "" : section.label() + ". ") + section.title();
        System.out.println(indent + "■ " + heading);
        for (Activity activity : section.activities()) {
            String numbering = activity.label().equals(String.valueOf(activity.number())) ? activity.label()
                    : (activity.label().isEmpty() ? "sin número" : activity.label()) + " (clave " + activity.number()
                    + ")";
            System.out.println(indent + "  " + numbering + ". " + activity.title() + " ["
                    + activity.participations().stream().map(Participation::id).collect(Collectors.joining(", "))
                    + "]" + activity.products().stream().map(p -> " → " + p.type() + (p.optional() ? " (opcional)" : ""))
                    .collect(Collectors.joining()));
        }
        for (Section sub : section.sections()) {
            print(sub, indent + "  ");
        }
    }
}
