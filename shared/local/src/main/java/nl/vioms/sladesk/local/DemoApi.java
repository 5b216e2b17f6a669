package nl.vioms.sladesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import nl.vioms.sladesk.emulators.DatabindJson;

/** The local HTTP API as the demo's people use it: with their bearer tokens, JSON in and out. */
final class DemoApi {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    DemoApi(URI base) {
        this.base = base;
    }

    JsonNode post(String path, String token, Map<String, Object> body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DatabindJson.write(body)))
                .build());
    }

    JsonNode get(String path, String token) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(request.method() + " "
                        + request.uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
            }
            return json(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return DatabindJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
