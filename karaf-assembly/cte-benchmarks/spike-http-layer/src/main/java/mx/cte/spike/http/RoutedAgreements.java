package mx.cte.spike.http;

import javax.servlet.Servlet;
import mx.cte.core.http.RoutedServlet;
import mx.cte.core.http.Routes;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The endpoint on the platform's route table, with eight other routes before it as a module has. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("spike-routed")
@HttpWhiteboardServletPattern("/spike/routed/*")
public class RoutedAgreements extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    public RoutedAgreements() {
        super(Routes.builder()
                .get("/{cct}/agreements", call -> call.ok(Agreements.agreement(call.path("cct"), 0)))
                .post("/{cct}/agreements", call -> call.ok(call.body()))
                .put("/{cct}/agreements/{id:int}", call -> call.ok(call.body()))
                .get("/{cct}/staff", call -> call.ok(Agreements.agreement(call.path("cct"), 0)))
                .get("/{cct}/cards/{id:int}", call -> call.ok(Agreements.agreement(call.path("cct"), 0)))
                .get("/{cct}/cards/{id:int}/comments", call -> call.ok(Agreements.agreement(call.path("cct"), 0)))
                .get("/{cct}/groups/{grade:int}/{group}", call -> call.ok(Agreements.agreement(call.path("cct"), 0)))
                .get("/zones/{zone}", call -> call.ok(Agreements.agreement(call.path("zone"), 0)))
                .get("/{cct}/agreements/{id:int}", call -> call.ok(Agreements.agreement(call.path("cct"),
                        call.pathNumber("id"))))
                .build());
    }
}
