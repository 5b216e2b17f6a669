package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.List;
import nl.vioms.sladesk.app.mail.MailKind;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16: what the API's tickets mail. A ticket opened through the API is acknowledged to the
 * reseller's desk (the caller is no address to answer); operations' {@code reply} is mailed to the
 * contacts it names, and a name that is not the ticket's, or a hostile one, is refused with 400.
 */
@ExtendWith(AwsEmulators.class)
class ReplyApiTest {
    /** Thu 26 Nov 2026 10:12:30 in Amsterdam (UTC+1). */
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-26T09:12:30Z"));

    private static IntakeApiHandler handler;
    private static OutboxRepository outbox;

    @BeforeAll
    static void seedDirectory(LocalAws aws) {
        Environment env = aws.environmentOf("IntakeApiFunction");
        aws.seed("demo");
        handler = new IntakeApiHandler(env, aws.clients(), CLOCK);
        outbox = new OutboxRepository(aws.clients().dynamo(), env.require(EnvVar.OUTBOX_TABLE));
    }

    @Test
    void aTicketFromTheApiIsAcknowledgedToTheResellersDeskAndAReplyGoesToTheContactsItNames() throws Exception {
        var opened = call(ApiSample.of("post-tickets.json")
                .withToken("demo-telnet-token")
                .withHeader("idempotency-key", "reply-" + System.nanoTime()));
        assertEquals(201, opened.getStatusCode(), opened.getBody());
        String number = ApiSample.json(opened).get("number").asText();
        List<OutboundMail> acks = mailsOf(number);
        assertEquals(1, acks.size(), acks.toString());
        assertEquals("servicedesk@telnet-partners.nl", acks.get(0).to());
        assertEquals(MailKind.ACKNOWLEDGEMENT, acks.get(0).kind());

        var reply = call(ApiSample.postEvent(
                number,
                "{\"kind\":\"reply\",\"text\":\"Wij komen morgen om 9 uur langs.\","
                        + "\"recipients\":[\"Receptie@GoudenLeeuw.nl\"]}"));
        assertEquals(200, reply.getStatusCode(), reply.getBody());
        List<OutboundMail> replies =
                mailsOf(number).stream().filter(m -> m.kind() == MailKind.REPLY).toList();
        assertEquals(1, replies.size(), replies.toString());
        assertEquals("receptie@goudenleeuw.nl", replies.get(0).to());
        assertTrue(
                replies.get(0).text().contains("> Wij komen morgen om 9 uur langs."),
                replies.get(0).text());
        assertTrue(reply.getBody().contains("\"kind\":\"reply\""), "the reply is in the history: " + reply.getBody());
    }

    @Test
    void eachStepOfOperationsIsMailedOnceWithWhatTheyTyped() throws Exception {
        var opened = call(ApiSample.of("post-tickets.json")
                .withToken("demo-telnet-token")
                .withHeader("idempotency-key", "steps-" + System.nanoTime()));
        String number = ApiSample.json(opened).get("number").asText();

        step(number, "{\"kind\":\"response\",\"note\":\"We kijken ernaar.\"}");
        step(number, "{\"kind\":\"waiting-for-customer\",\"note\":\"Welk toestel staat bij de receptie?\"}");
        step(number, "{\"kind\":\"customer-replied\"}");
        step(number, "{\"kind\":\"reclassified\",\"priority\":\"P1\",\"reason\":\"alle kamers getroffen\"}");
        step(number, "{\"kind\":\"resolved\",\"note\":\"Doorschakeling hersteld.\"}");
        step(number, "{\"kind\":\"closed\"}");

        // to the reseller's desk (the API's caller is no address): one mail per step, in order
        List<OutboundMail> mails = mailsOf(number);
        assertEquals(
                List.of(
                        MailKind.ACKNOWLEDGEMENT,
                        MailKind.RESPONSE,
                        MailKind.WAITING_FOR_CUSTOMER,
                        MailKind.CUSTOMER_REPLIED,
                        MailKind.RECLASSIFIED,
                        MailKind.RESOLVED,
                        MailKind.CLOSED),
                mails.stream().map(OutboundMail::kind).sorted().toList());
        OutboundMail question = only(mails, MailKind.WAITING_FOR_CUSTOMER);
        assertEquals("[" + number + "] Vraag over uw melding: Receptie kan niet doorverbinden", question.subject());
        assertTrue(question.text().contains("> Welk toestel staat bij de receptie?"), question.text());
        OutboundMail reclassified = only(mails, MailKind.RECLASSIFIED);
        assertTrue(reclassified.text().contains("gewijzigd in P1"), reclassified.text());
        assertTrue(reclassified.text().contains("> alle kamers getroffen"), reclassified.text());
        assertTrue(only(mails, MailKind.RESOLVED).text().contains("> Doorschakeling hersteld."));
        mails.forEach(m -> assertEquals("servicedesk@telnet-partners.nl", m.to()));
    }

    private void step(String number, String body) {
        CLOCK.set(CLOCK.instant().plusSeconds(300));
        var answer = call(ApiSample.postEvent(number, body));
        assertEquals(200, answer.getStatusCode(), body + " -> " + answer.getBody());
    }

    private static OutboundMail only(List<OutboundMail> mails, MailKind kind) {
        List<OutboundMail> of = mails.stream().filter(m -> m.kind() == kind).toList();
        assertEquals(1, of.size(), kind + ": " + of);
        return of.get(0);
    }

    @Test
    void aReplyToAStrangerOrAHostileAddressIsRefusedAndNothingIsMailed() throws Exception {
        var opened = call(ApiSample.of("post-tickets.json")
                .withToken("demo-telnet-token")
                .withHeader("idempotency-key", "stranger-" + System.nanoTime()));
        String number = ApiSample.json(opened).get("number").asText();
        int before = mailsOf(number).size();

        for (String body : List.of(
                "{\"kind\":\"reply\",\"text\":\"Hallo\",\"recipients\":[\"boef@example.com\"]}",
                "{\"kind\":\"reply\",\"text\":\"Hallo\",\"recipients\":[\"receptie@goudenleeuw.nl\\r\\nBcc: x@y.nl\"]}",
                "{\"kind\":\"reply\",\"text\":\"   \"}",
                "{\"kind\":\"note\",\"note\":\"x\",\"recipients\":[\"receptie@goudenleeuw.nl\"]}",
                "{\"kind\":\"reply\",\"note\":\"a\",\"text\":\"b\"}",
                "{\"kind\":\"mail-skipped\"}")) {
            var refused = call(ApiSample.postEvent(number, body));
            assertEquals(400, refused.getStatusCode(), body + " -> " + refused.getBody());
        }
        assertEquals(before, mailsOf(number).size());
    }

    private static List<OutboundMail> mailsOf(String number) {
        return outbox.listByState(DeliveryState.PENDING, 10_000).stream()
                .filter(m -> m.topic() == OutboxMessage.Topic.MAIL)
                .map(m -> OutboundMail.fromJson(m.body()))
                .filter(m -> number.equals(m.ticket()))
                .toList();
    }

    private static APIGatewayV2HTTPResponse call(ApiSample sample) {
        return LambdaInvoke.invoke(handler, sample.event(), APIGatewayV2HTTPResponse.class);
    }
}
