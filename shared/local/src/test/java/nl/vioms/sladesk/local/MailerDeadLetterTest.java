package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.app.mail.MailKind;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.EmulatorBackend;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.emulators.Template;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mail SES keeps refusing (its endpoint is a closed port) goes through the template's stream
 * mapping of MailerFunction on the local runtime: retried, then parked in MailDlq, still PENDING.
 */
@ExtendWith(AwsEmulators.class)
class MailerDeadLetterTest {
    @Test
    void aMailSesKeepsRefusingEndsInMailDlqAfterTheRetries(LocalAws emulators, @TempDir Path state) {
        Assumptions.assumeTrue(emulators.supportsStreams(), "this DynamoDB emulator has no streams");
        EmulatorBackend closedSes = new EmulatorBackend() {
            @Override
            public URI dynamoEndpoint() {
                return emulators.dynamoEndpoint();
            }

            @Override
            public URI messagingEndpoint() {
                return emulators.messagingEndpoint();
            }

            @Override
            public URI mailEndpoint() {
                return URI.create("http://127.0.0.1:1");
            }

            @Override
            public boolean supportsStreams() {
                return true;
            }

            @Override
            public void close() {
                // the shared emulators stay up
            }
        };
        MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        var quiet = new InvocationLog(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), InvocationLog.Format.JSON);
        try (LocalAws aws = LocalAws.start(closedSes, Template.ofProject(), "http://127.0.0.1:3000")) {
            try (var earlier = new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.NONE, quiet, state)) {
                earlier.drain(); // past what other tests left on the stream
            }
            drain(aws);
            var outbox =
                    new OutboxRepository(aws.clients().dynamo(), aws.resources().tableName("OutboxTable"));
            String id = "VIO-2026-000900#mail-" + UUID.randomUUID();
            OutboundMail mail = new OutboundMail(
                    MailKind.ACKNOWLEDGEMENT,
                    "VIO-2026-000900",
                    null,
                    0,
                    null,
                    "klant-" + UUID.randomUUID() + "@example.nl",
                    "nl",
                    "Storing ontvangen",
                    "Uw melding is ontvangen.",
                    "<p>Uw melding is ontvangen.</p>",
                    "<" + UUID.randomUUID() + "@sladesk.vioms.nl>",
                    null,
                    List.of());
            outbox.add(OutboxMessage.pending(id, OutboxMessage.Topic.MAIL, Map.of(), mail.toJson(), clock.instant()));

            try (var runtime = new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.NONE, quiet, state)) {
                runtime.drain();
            }

            List<JsonNode> parked = drain(aws);
            assertEquals(1, parked.size(), parked.toString());
            assertEquals(
                    "RetryAttemptsExhausted",
                    parked.get(0).get("requestContext").get("condition").asText());
            assertTrue(parked.get(0).has("DDBStreamBatchInfo"));
            assertEquals(DeliveryState.PENDING, outbox.find(id).orElseThrow().state(), "not sent, not marked");
        }
    }

    private static List<JsonNode> drain(LocalAws aws) {
        String url = aws.resources().require("MailDlq");
        return aws.drain(url).stream()
                .map(m -> {
                    try {
                        return DatabindJson.MAPPER.readTree(m.body());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
