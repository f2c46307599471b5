package mx.cte.spike.http;

import com.google.gson.Gson;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.StreamingOutput;
import org.osgi.service.component.annotations.Component;

/** The endpoint as a JAX-RS Whiteboard resource; Gson writes straight to the stream, as a Gson provider would. */
@Component(service = JaxrsAgreements.class, property = "osgi.jaxrs.resource=true")
@Path("/spike/jaxrs")
public class JaxrsAgreements {

    private static final Gson GSON = new Gson();

    @GET
    @Path("/{cct}/agreements/{id}")
    @Produces("application/json")
    public StreamingOutput agreement(@PathParam("cct") String cct, @PathParam("id") long id) {
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            GSON.toJson(Agreements.agreement(cct, id), writer);
            writer.flush();
        };
    }
}
