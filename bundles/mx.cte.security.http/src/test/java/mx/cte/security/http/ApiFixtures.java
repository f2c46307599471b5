package mx.cte.security.http;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.ZoneId;
import mx.cte.security.api.Caller;
import mx.cte.security.api.RoleGrant;

/**
 * What a web bundle's tests of its routes share: two schools of one zone, the people who reach them, and a way to
 * send a request as one of them.
 */
public final class ApiFixtures {

    public static final Cct SCHOOL = Cct.parse("15EJN0101A");
    public static final Cct OTHER_SCHOOL = Cct.parse("15EJN0102B");
    public static final ZoneId ZONE = ZoneId.parse("15-preescolar-015");

    public static final Caller TEACHER = caller("docente.ana", "docente@15EJN0101A");
    public static final Caller DIRECTOR = caller("directora", "director@15EJN0101A");
    public static final Caller SUPERVISOR = caller("supervisora", "supervisor@15-preescolar-015");
    public static final Caller OTHER_TEACHER = caller("docente.bernardo", "docente@15EJN0102B");

    private ApiFixtures() {
    }

    public static Caller caller(String username, String... grants) {
        return new Caller(username, username, List.of(grants).stream().map(RoleGrant::parse).toList());
    }

    public static School school(Cct cct) {
        return new School(cct, "Jardín de Niños " + cct, "Toluca", Level.PREESCOLAR, ZONE, Shift.MATUTINO, false,
                List.of(SchoolGroup.of(1, "A"), SchoolGroup.of(2, "A"), SchoolGroup.of(3, "A")), 1);
    }

    /** A directory that knows {@link #SCHOOL} and {@link #OTHER_SCHOOL}; other calls fail the test. */
    public static SchoolDirectory directory() {
        Map<Cct, School> schools = Map.of(SCHOOL, school(SCHOOL), OTHER_SCHOOL, school(OTHER_SCHOOL));
        return (SchoolDirectory) Proxy.newProxyInstance(ApiFixtures.class.getClassLoader(),
                new Class<?>[] {SchoolDirectory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "school" -> Optional.ofNullable(schools.get(args[0]));
                    case "schools" -> args[0].equals(ZONE) ? List.copyOf(schools.values()) : List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Sends the request as {@code caller} (null: nobody signed in) and returns what the servlet answered. */
    public static FakeHttp.Response send(HttpServlet servlet, Caller caller, FakeRequest request) {
        FakeHttp.Response response = new FakeHttp.Response();
        if (caller != null) {
            request.attribute(Caller.REQUEST_ATTRIBUTE, caller);
        }
        try {
            servlet.service(request.build(), response.proxy());
        } catch (Exception e) {
            throw new AssertionError("The servlet let " + e + " escape", e);
        }
        return response;
    }
}
