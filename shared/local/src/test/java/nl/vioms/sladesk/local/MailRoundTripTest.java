package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.vioms.sladesk.app.mail.MailKind;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository.MailRecord;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.SesMailStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16's round trip, through the whole local system as the template wires it: a customer's
 * mail arrives as SES delivers it, intake-email opens the ticket and writes the acknowledgement to
 * the outbox, the mailer sends it to the SES emulator; the customer answers it the way Outlook and
 * Gmail answer (the fixtures in {@code replies/} keep those clients' header shapes), and the answer
 * joins its ticket. SES gives every mail its own Message-ID ({@code <id@region.amazonses.com>}),
 * which is what the reply's In-Reply-To names.
 */
@ExtendWith(AwsEmulators.class)
class MailRoundTripTest {
    private static final String JAN = "jan@bakkerij-devries.nl";

    private LocalAws aws;
    private Path state;
    /** Thu 26 Nov 2026 10:30 Amsterdam (UTC+1). */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:30:00Z"));

    @BeforeEach
    void setUp(LocalAws emulators, @TempDir Path stateDir) {
        Assumptions.assumeTrue(emulators.supportsStreams(), "this DynamoDB emulator has no streams");
        this.aws = emulators;
        this.state = stateDir;
        aws.seed("demo");
    }

    @ParameterizedTest(name = "{0} with subject \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                // the number stays in the subject: found there
                "outlook-reply.eml|RE: {{ACK_SUBJECT}}",
                "gmail-reply.eml|Re: {{ACK_SUBJECT}}",
                // the customer typed a new subject: Outlook keeps only our Message-ID in In-Reply-To
                // and References, Gmail the whole thread (with our thread root)
                "outlook-reply.eml|Antw: toestel 12 bij de balie",
                "gmail-reply.eml|Re: toestel 12 bij de balie"
            })
    void aReplyToTheAcknowledgementAsTheMailClientWritesItJoinsItsTicket(String fixture, String subject)
            throws Exception {
        try (var runtime = runtime()) {
            runtime.drain(); // what other tests left on the streams
            String original = "<" + UUID.randomUUID() + "@bakkerij-devries.nl>";
            new SesInbox(aws).receive(report(original), clock.instant());
            runtime.drain();

            MailRecord ack = acknowledgementTo(JAN);
            String number = OutboundMail.fromJson(ack.message().body()).ticket();
            // what the emulator accepted: the mail as the customer's client shows it
            SesMailStore.Sent sent = SesMailStore.to(aws.mailEndpoint(), JAN).stream()
                    .filter(m -> m.messageId().equals(ack.sesMessageId()))
                    .findFirst()
                    .orElseThrow();
            assertTrue(sent.subject().startsWith("[" + number + "] Melding ontvangen: "), sent.subject());
            assertTrue(sent.text().contains("geregistreerd onder nummer " + number), sent.text());
            // the Message-ID the customer's client sees is the one SES gives (and the mailer recorded)
            String seen = sent.messageId().toLowerCase() + "@eu-central-1.amazonses.com";
            assertEquals(seen, ack.mailMessageId());

            OutboundMail ours = OutboundMail.fromJson(ack.message().body());
            String reply = fixture(fixture)
                    .replace("{{SUBJECT}}", subject.replace("{{ACK_SUBJECT}}", sent.subject()))
                    .replace("{{THREAD_TOPIC}}", sent.subject())
                    .replace("{{PARENT_SUBJECT}}", sent.subject())
                    .replace("{{PARENT}}", seen)
                    .replace("{{REFERENCES}}", String.join(" ", ours.references()))
                    .replace("{{UNIQUE}}", UUID.randomUUID().toString().replace("-", ""))
                    .replace("{{QUOTED_PLAIN}}", sent.text())
                    .replace(
                            "{{QUOTED_GT}}",
                            sent.text().lines().map(l -> "> " + l).collect(Collectors.joining("\r\n")));
            clock.set(clock.instant().plusSeconds(600));
            new SesInbox(aws).receive(reply.getBytes(StandardCharsets.UTF_8), clock.instant());
            runtime.drain();

            List<TicketEvent> history = tickets().find(number).orElseThrow().history();
            TicketEvent answer = history.get(history.size() - 1);
            assertEquals(EventKind.EMAIL, answer.kind(), history.toString());
            assertTrue(
                    answer.data().get("text").startsWith("Het gaat om toestel 12 bij de balie"),
                    answer.data().get("text"));
            assertEquals("true", answer.data().get("fromReporter"));
        }
    }

    @Test
    void aReplyNamingAMessageIdOfOursThatIsNoTicketsOpensATicketOfItsOwn() throws Exception {
        try (var runtime = runtime()) {
            runtime.drain();
            String reply = fixture("outlook-reply.eml")
                    .replace("{{SUBJECT}}", "RE: iets anders")
                    .replace("{{THREAD_TOPIC}}", "iets anders")
                    .replace("{{PARENT_SUBJECT}}", "iets anders")
                    .replace("{{PARENT}}", "no-such-mail-" + UUID.randomUUID() + "@eu-central-1.amazonses.com")
                    .replace("{{UNIQUE}}", UUID.randomUUID().toString().replace("-", ""))
                    .replace("{{QUOTED_PLAIN}}", "");
            new SesInbox(aws).receive(reply.getBytes(StandardCharsets.UTF_8), clock.instant());
            runtime.drain();

            // a new report from the customer, acknowledged as such
            assertTrue(
                    SesMailStore.to(aws.mailEndpoint(), JAN).stream()
                            .anyMatch(m -> m.subject().endsWith("] Melding ontvangen: RE: iets anders")),
                    "the new ticket's acknowledgement");
        }
    }

    private LocalRuntime runtime() {
        var quiet = new InvocationLog(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), InvocationLog.Format.JSON);
        return new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.NONE, quiet, state);
    }

    /** The newest acknowledgement to an address, as the mailer recorded it (sent). */
    private MailRecord acknowledgementTo(String address) {
        return outbox().mailsByState(DeliveryState.DELIVERED, 10_000).stream()
                .filter(r -> {
                    OutboundMail mail = OutboundMail.fromJson(r.message().body());
                    return mail.kind() == MailKind.ACKNOWLEDGEMENT && mail.to().equals(address);
                })
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no acknowledgement was sent to " + address));
    }

    private static byte[] report(String messageId) {
        return ("From: Jan de Vries <" + JAN + ">\r\nTo: support@vioms.nl\r\n"
                        + "Subject: Toestel bij de balie geeft geen kiestoon\r\nMessage-ID: " + messageId + "\r\n"
                        + "Date: Thu, 26 Nov 2026 10:29:40 +0100\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                        + "Sinds vanochtend geen kiestoon op een toestel.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String fixture(String name) throws Exception {
        try (InputStream in = MailRoundTripTest.class.getResourceAsStream("/replies/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private OutboxRepository outbox() {
        return new OutboxRepository(aws.clients().dynamo(), aws.resources().tableName("OutboxTable"));
    }

    private TicketRepository tickets() {
        return new TicketRepository(aws.clients().dynamo(), aws.resources().tableName("TicketsTable"));
    }
}
