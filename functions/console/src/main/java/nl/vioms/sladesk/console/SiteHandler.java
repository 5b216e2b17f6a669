package nl.vioms.sladesk.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Function;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.aws.Invocations;
import nl.vioms.sladesk.aws.Services;

/**
 * The Lambda entry of a site (the console, the portal): a stream entry like the API's (decision
 * 11), the event read and the response written with jackson-jr. Anything unexpected becomes a plain
 * 500 page with a correlation id, never a stack trace.
 */
public class SiteHandler implements RequestStreamHandler {
    /** A site's pages, answering one request. */
    @FunctionalInterface
    public interface Pages {
        WebResponse handle(WebRequest request);
    }

    private final Pages pages;
    private final Invocations invocations;
    private final String name;

    protected SiteHandler(Services services, Site site, Function<Services, Pages> pages) {
        this.pages = pages.apply(services);
        this.invocations = new Invocations(services.environment());
        this.name = site.base().substring(1);
    }

    @Override
    public final void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        invocations.handle(context, () -> {
            Map<String, Object> request;
            try {
                request = Json.readEvent(event);
            } catch (Json.Invalid e) {
                throw new IllegalArgumentException("not an HTTP API event: " + e.getMessage(), e);
            }
            Json.writeResult(out, handle(new WebRequest(request), context));
        });
    }

    private WebResponse handle(WebRequest request, Context context) {
        try {
            return pages.handle(request);
        } catch (RuntimeException e) {
            String id = context == null ? "local" : context.getAwsRequestId();
            Log.error(name + ".failed", Map.of("path", request.path(), "error", String.valueOf(e), "requestId", id));
            return WebResponse.of(
                    500, "text/plain; charset=utf-8", "Er ging iets mis in SLA Desk. Meld dit met code " + id + ".");
        }
    }
}
