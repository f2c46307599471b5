package mx.cte.schools.shell;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.State;
import mx.cte.schools.api.Zone;
import mx.cte.schools.api.ZoneId;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code cte:schools ENTIDAD|ZONA}: a state's zones, or a zone's schools. */
@Service
@Command(scope = "cte", name = "schools",
        description = "Lista las zonas de una entidad (15, México) o las escuelas de una zona (15-preescolar-015)")
public class ListSchoolsCommand implements Action {

    @Reference
    private SchoolDirectory directory;

    @Argument(index = 0, name = "entidad-o-zona", required = true,
            description = "Entidad (número o nombre) o zona (entidad-nivel-número)")
    private String target;

    @Override
    public Object execute() {
        Optional<State> state = State.parse(target);
        if (state.isPresent()) {
            ShellTable table = new ShellTable();
            table.column("Zona");
            table.column("Escuelas");
            for (Zone zone : directory.zones(state.get())) {
                table.addRow().addContent(zone.id().key(), zone.schools());
            }
            table.print(System.out);
            return null;
        }
        ZoneId zone;
        try {
            zone = ZoneId.parse(target);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("CCT");
        table.column("Nombre");
        table.column("Municipio");
        table.column("Turno");
        table.column("Multigrado");
        table.column("Grupos");
        List<School> schools = directory.schools(zone);
        for (School school : schools) {
            table.addRow().addContent(school.cct(), school.name(), school.municipality(), school.shift().wireName(),
                    school.multigrade() ? "sí" : "no", school.groups().stream()
                            .map(g -> g.grades().stream().map(String::valueOf).collect(Collectors.joining("-"))
                                    + "° " + g.name())
                            .collect(Collectors.joining(", ")));
        }
        table.print(System.out);
        return null;
    }
}
