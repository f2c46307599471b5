package mx.cte.exchange.web;

import javax.servlet.Servlet;
import mx.cte.core.http.RoutedServlet;
import mx.cte.exchange.api.Exchange;
import mx.cte.schools.api.SchoolDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The exchange between schools under {@code /api/v1/exchange}: the routes are in {@link ExchangeApi#routes()}. */
@Component(service = Servlet.class, property = {"cte.module=exchange",
    "cte.module.title=Intercambio entre escuelas"})
@HttpWhiteboardServletName("cte-exchange")
@HttpWhiteboardServletPattern("/api/v1/exchange/*")
public final class ExchangeServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public ExchangeServlet(@Reference Exchange exchange, @Reference SchoolDirectory directory) {
        super(new ExchangeApi(exchange, directory).routes());
    }
}
