package nl.vioms.sladesk.intake.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LambdaEvents;

/** A sample HTTP API event of {@code events/intake-api/}, changed for one test. */
record ApiSample(APIGatewayV2HTTPEvent event) {
    static ApiSample of(String file) {
        return new ApiSample(LambdaEvents.load("intake-api/" + file, APIGatewayV2HTTPEvent.class));
    }

    /** {@code GET /tickets/{number}} with a bearer token. */
    static ApiSample getTicket(String number, String token) {
        return of("get-ticket.json").withPath(number).withToken(token);
    }

    /** {@code POST /tickets/{number}/events} with a body, under the sample's token. */
    static ApiSample postEvent(String number, String body) {
        return of("post-ticket-event.json").withPath(number).withBody(body);
    }

    /** An answer's body as a JSON tree. */
    static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return DatabindJson.MAPPER.readTree(response.getBody());
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

    /** Another route key, e.g. {@code GET /status.json}; the raw path follows it. */
    ApiSample withRoute(String routeKey) {
        event.setRouteKey(routeKey);
        event.getRequestContext().setRouteKey(routeKey);
        event.setRawPath(routeKey.substring(routeKey.indexOf(' ') + 1));
        return this;
    }

    ApiSample withPath(String number) {
        event.setPathParameters(Map.of("number", number));
        return this;
    }
}
