package nl.vioms.sladesk.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import nl.vioms.sladesk.emulators.DatabindJson;

/**
 * The storm's phone agents and reseller portals: a POST to the local HTTP API with the caller's
 * token and an {@code Idempotency-Key}, retried once with the same key when the answer is a 5xx
 * or the connection fails (as a client should; the key makes the retry harmless). Returns how
 * long the request took, retry included.
 */
final class StormSender {
    /** What became of one request: its HTTP status (0: no answer), the time it took, and the body. */
    record Sent(int status, Duration took, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    StormSender(URI base) {
        this.base = base;
    }

    Sent post(String path, String token, String idempotencyKey, Map<String, Object> body) {
        long started = System.nanoTime();
        Sent first = once(path, token, idempotencyKey, body);
        Sent last = first.status() == 0 || first.status() >= 500 ? once(path, token, idempotencyKey, body) : first;
        return new Sent(last.status(), Duration.ofNanos(System.nanoTime() - started), last.body());
    }

    private Sent once(String path, String token, String idempotencyKey, Map<String, Object> body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", idempotencyKey)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DatabindJson.write(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Sent(response.statusCode(), Duration.ZERO, response.body());
        } catch (IOException e) {
            return new Sent(0, Duration.ZERO, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(0, Duration.ZERO, "interrupted");
        }
    }
}
