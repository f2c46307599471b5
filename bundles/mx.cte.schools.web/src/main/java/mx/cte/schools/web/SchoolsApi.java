package mx.cte.schools.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonBinding.Member;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.Routes;
import mx.cte.core.http.ServiceCalls;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.SchoolStructure;
import mx.cte.schools.api.ZoneId;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import mx.cte.security.http.RequestAccess;

/**
 * Schools and zones over HTTP. A school, for its staff, its zone's supervisor and its state's authority; its
 * structure (multigrade flag and groups), changed by its director with the version it was based on; a zone's
 * schools, for its supervisor and its state's authority.
 */
final class SchoolsApi {

    private final SchoolDirectory directory;
    private final Accounts accounts;

    /** @param accounts whose names the staff route gives; the zone routes need none */
    SchoolsApi(SchoolDirectory directory, Accounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    /** Under {@code /api/v1/schools}. */
    Routes schoolRoutes() {
        return Routes.builder()
                .get("/{cct}", this::school)
                .get("/{cct}/staff", this::staff)
                .get("/{cct}/structure", this::structure)
                .put("/{cct}/structure", this::changeStructure)
                .build();
    }

    /** Under {@code /api/v1/zones}. */
    Routes zoneRoutes() {
        return Routes.builder()
                .get("/{zona}/schools", this::zoneSchools)
                .build();
    }

    record GroupBody(@Member("nombre") String name, @Member("grados") List<Integer> grades) {
    }

    record StructureBody(@Member("multigrado") boolean multigrade, @Member("grupos") List<GroupBody> groups,
            long version) {

        SchoolStructure structure() {
            List<SchoolGroup> parsed = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                try {
                    parsed.add(new SchoolGroup(groups.get(i).name(), groups.get(i).grades()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badField("grupos[" + i + "]", "grupos[" + i + "]: " + e.getMessage());
                }
            }
            return new SchoolStructure(multigrade, parsed);
        }
    }

    private School readable(ApiCall call) {
        return RequestAccess.readableSchool(RequestAccess.caller(call.request()), directory,
                RequestAccess.school(call));
    }

    private void school(ApiCall call) throws IOException {
        call.ok(SchoolJson.school(readable(call)));
    }

    /**
     * The school's staff by name, for screens that show who wrote or answers for something: whoever may read the
     * school's work reads who they are.
     */
    private void staff(ApiCall call) throws IOException {
        School school = readable(call);
        JsonArray staff = new JsonArray();
        for (Account account : accounts.staffOf(school.cct())) {
            JsonObject person = new JsonObject();
            person.addProperty("usuario", account.username());
            person.addProperty("nombre", account.displayName());
            staff.add(person);
        }
        JsonObject body = new JsonObject();
        body.addProperty("escuela", school.cct().value());
        body.add("personal", staff);
        call.ok(body);
    }

    private void structure(ApiCall call) throws IOException {
        School school = readable(call);
        JsonObject json = new JsonObject();
        json.addProperty("multigrado", school.multigrade());
        json.add("grupos", SchoolJson.groups(school.groups()));
        json.addProperty("version", school.version());
        call.ok(json);
    }

    private void changeStructure(ApiCall call) throws IOException {
        Cct cct = RequestAccess.school(call);
        School school = RequestAccess.directedSchool(RequestAccess.caller(call.request()), directory, cct,
                "Solo la dirección de la escuela " + cct + " cambia sus grupos y si es multigrado.");
        StructureBody body = call.body(StructureBody.class);
        SchoolStructure structure = body.structure();
        call.ok(SchoolJson.school(ServiceCalls.call("Estructura no válida",
                () -> directory.updateStructure(cct, structure, body.version()),
                () -> SchoolJson.school(directory.school(cct).orElse(school)))));
    }

    private void zoneSchools(ApiCall call) throws IOException {
        ZoneId zone = RequestAccess.readableZone(call, z -> "No tiene acceso a la zona " + z.key() + ".");
        JsonArray schools = new JsonArray();
        for (School school : directory.schools(zone)) {
            schools.add(SchoolJson.school(school));
        }
        JsonObject body = new JsonObject();
        body.addProperty("zona", zone.key());
        body.add("escuelas", schools);
        call.ok(body);
    }
}
