package mx.cte.cards.web;

import javax.servlet.Servlet;
import mx.cte.cards.api.InterventionCards;
import mx.cte.core.http.RoutedServlet;
import mx.cte.schools.api.SchoolDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Intervention cards under {@code /api/v1/cards}: the routes are in {@link CardsApi#routes()}. */
@Component(service = Servlet.class, property = {"cte.module=cards", "cte.module.title=Tarjetas de intervención"})
@HttpWhiteboardServletName("cte-cards")
@HttpWhiteboardServletPattern("/api/v1/cards/*")
public final class CardsServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public CardsServlet(@Reference InterventionCards cards, @Reference SchoolDirectory directory) {
        super(new CardsApi(cards, directory).routes());
    }
}
