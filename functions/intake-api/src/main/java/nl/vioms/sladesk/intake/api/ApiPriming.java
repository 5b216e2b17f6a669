package nl.vioms.sladesk.intake.api;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.core.directory.PhoneNumbers;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart priming of the API (issue #9, decision 11): requests that change nothing run through
 * the handler once before the snapshot, so it holds their classes loaded and initialised: the
 * health check (a DescribeTable) and a token that is not there (a directory GetItem that misses,
 * answered 401). Nothing of them stays behind: no ids are made, the clock is read per request,
 * and pooled connections idle longer than their keep-alive are dropped before reuse after a
 * restore. The handler registers it (and keeps it: CRaC holds resources weakly).
 */
final class ApiPriming implements Resource {
    private final RequestStreamHandler handler;
    private final Runnable restored;

    /** @param restored what the handler does after a restore (its next invocation is a cold start again) */
    ApiPriming(RequestStreamHandler handler, Runnable restored) {
        this.handler = handler;
        this.restored = restored;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
        primingRequest("GET /health", null);
        primingRequest("GET /queue", "Bearer snapstart-priming-not-a-token");
        PhoneNumbers.toE164("020 123 4567"); // the Dutch numbering metadata
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to renew: clients and credentials renew themselves (see AwsClients)
        restored.run();
    }

    private void primingRequest(String routeKey, String authorization) throws IOException {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("headers", authorization == null ? Map.of() : Map.of("authorization", authorization));
        event.put("isBase64Encoded", false);
        byte[] json = Json.write(event).getBytes(StandardCharsets.UTF_8);
        handler.handleRequest(new ByteArrayInputStream(json), new ByteArrayOutputStream(), null);
    }
}
