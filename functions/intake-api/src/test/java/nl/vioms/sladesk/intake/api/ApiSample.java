package nl.vioms.sladesk.intake.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;
import nl.vioms.sladesk.emulators.LambdaEvents;

/** A sample HTTP API event of {@code events/intake-api/}, changed for one test. */
record ApiSample(APIGatewayV2HTTPEvent event) {
    static ApiSample of(String file) {
        return new ApiSample(LambdaEvents.load("intake-api/" + file, APIGatewayV2HTTPEvent.class));
    }

    ApiSample withBody(String body) {
        event.setBody(body);
        return this;
    }

    ApiSample withHeader(String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put(name, value);
        event.setHeaders(headers);
        return this;
    }

    /** A bearer token, or none at all for null. */
    ApiSample withToken(String token) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (token == null) {
            headers.remove("authorization");
        } else {
            headers.put("authorization", "Bearer " + token);
        }
        event.setHeaders(headers);
        return this;
    }

    ApiSample withPath(String number) {
        event.setPathParameters(Map.of("number", number));
        return this;
    }
}
