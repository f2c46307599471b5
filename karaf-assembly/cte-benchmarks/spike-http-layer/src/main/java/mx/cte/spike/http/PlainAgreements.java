package mx.cte.spike.http;

import com.google.gson.Gson;
import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The floor: the endpoint as a whiteboard servlet that splits the path by hand and checks nothing. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("spike-plain")
@HttpWhiteboardServletPattern("/spike/plain/*")
public class PlainAgreements extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Gson GSON = new Gson();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo().substring(1).split("/");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        GSON.toJson(Agreements.agreement(parts[0], Long.parseLong(parts[2])), response.getWriter());
    }
}
