package nl.vioms.sladesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import nl.vioms.sladesk.emulators.DatabindJson;

/**
 * The mails the SES emulator (aws-ses-v2-local) accepted, as tests read them from its {@code GET
 * /store}: what it keeps of each (parsed; no raw headers, decision 18).
 */
public final class SesMailStore {
    private SesMailStore() {}

    /** One accepted mail: what aws-ses-v2-local keeps of it (parsed; no raw headers). */
    public record Sent(String messageId, String from, List<String> to, String subject, String text, String html) {}

    /** The mails to one recipient (tests use fresh addresses, so they do not see each other's). */
    public static List<Sent> to(URI mailEndpoint, String recipient) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(mailEndpoint.resolve("/store"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode store = DatabindJson.MAPPER.readTree(response.body());
            List<Sent> sent = new ArrayList<>();
            for (JsonNode email : store.get("emails")) {
                List<String> to = new ArrayList<>();
                email.get("destination").get("to").forEach(t -> to.add(t.asText()));
                if (to.stream().anyMatch(t -> t.contains(recipient))) {
                    sent.add(new Sent(
                            email.get("messageId").asText(),
                            email.get("from").asText(),
                            to,
                            email.get("subject").asText(),
                            email.path("body").path("text").asText(),
                            email.path("body").path("html").asText()));
                }
            }
            return sent;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the SES emulator's store", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
