package nl.vioms.sladesk.intake.email.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SesNotification} against the sample events in events/intake-email and broken variants. */
class SesNotificationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("../../events/intake-email");

    /** The SES notification string inside an SNS event, as the handler gets it. */
    static String snsMessage(String eventFile) throws Exception {
        return JSON.readTree(Files.readString(EVENTS.resolve(eventFile)))
                .path("Records")
                .path(0)
                .path("Sns")
                .path("Message")
                .asText();
    }

    @Test
    void inlineEventCarriesTheRawMailWhichParsesAsANormalFaultReport() throws Exception {
        SesNotification n = SesNotification.parse(snsMessage("ses-inline.json"));
        assertTrue(n.isReceived());
        assertEquals("o3kq1l2m3n4p5q6r7s8t9u0v1w2x3y4z5a6b7c81", n.messageId());
        assertEquals(Instant.parse("2026-11-26T09:12:29.412Z"), n.receivedAt());
        assertEquals("jan@bakkerij-devries.nl", n.source());
        assertEquals(List.of("support@vioms.nl"), n.destination());
        assertEquals("PASS", n.spamVerdict());
        assertEquals("PASS", n.virusVerdict());
        SesNotification.Inline inline = assertInstanceOf(SesNotification.Inline.class, n.rawMessage());

        InboundMail mail = MailParser.parse(inline.bytes());
        assertEquals("Geen kiestoon op alle toestellen", mail.subject());
        assertTrue(mail.text().contains("Bakkerij De Vries – Utrecht"), mail.text());
        assertEquals(
                MailClass.NORMAL,
                MailClassifier.classify(mail, "support@vioms.nl").mailClass());
    }

    @Test
    void s3EventPointsAtTheStoredMail() throws Exception {
        SesNotification n = SesNotification.parse(snsMessage("ses-s3.json"));
        assertEquals(
                new SesNotification.InS3("sladesk-mailbucket", "inbound/o3kq1l2m3n4p5q6r7s8t9u0v1w2x3y4z5a6b7c81"),
                n.rawMessage());
        assertEquals(Instant.parse("2026-11-26T09:12:29.412Z"), n.receivedAt());
    }

    @Test
    void base64ContentIsDecodedExactly() throws Exception {
        byte[] raw = "Subject: caf\u00e9\r\n\r\nbody\r\n".getBytes(StandardCharsets.ISO_8859_1); // 8-bit, not UTF-8
        ObjectNode n = (ObjectNode) JSON.readTree(snsMessage("ses-inline.json"));
        n.put("content", Base64.getEncoder().encodeToString(raw));
        ((ObjectNode) n.path("receipt").path("action")).put("encoding", "BASE64");
        SesNotification parsed = SesNotification.parse(n.toString());
        assertArrayEquals(raw, ((SesNotification.Inline) parsed.rawMessage()).bytes());
        assertEquals(
                "café",
                MailParser.parse(((SesNotification.Inline) parsed.rawMessage()).bytes())
                        .subject());
    }

    @Test
    void otherNotificationTypesAreRecognisedNotRejected() {
        SesNotification n = SesNotification.parse(
                "{\"notificationType\":\"AmazonSnsSubscriptionSucceeded\",\"message\":\"You have successfully "
                        + "subscribed\"}");
        assertFalse(n.isReceived());
        assertEquals("AmazonSnsSubscriptionSucceeded", n.notificationType());
    }

    @Test
    void brokenNotificationsNameTheProblem() throws Exception {
        assertProblem("not valid JSON", "{\"notificationType\":");
        assertProblem("empty", " ");
        assertProblem("not a JSON object", "[1,2]");
        assertProblem("notificationType", "{}");
        assertProblem("mail.messageId", without("ses-inline.json", "mail", "messageId"));
        assertProblem("mail.timestamp", without("ses-inline.json", "mail", "timestamp"));
        assertProblem("receipt.action.bucketName", without("ses-s3.json", "receipt.action", "bucketName"));
        assertProblem("content", without("ses-inline.json", "", "content"));
        ObjectNode badTime = (ObjectNode) JSON.readTree(snsMessage("ses-inline.json"));
        ((ObjectNode) badTime.path("mail")).put("timestamp", "gisteren");
        assertProblem("ISO-8601", badTime.toString());
        ObjectNode badB64 = (ObjectNode) JSON.readTree(snsMessage("ses-inline.json"));
        ((ObjectNode) badB64.path("receipt").path("action")).put("encoding", "BASE64");
        badB64.put("content", "@@@ geen base64 @@@");
        assertProblem("BASE64", badB64.toString());
    }

    private static String without(String file, String path, String field) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(snsMessage(file));
        ObjectNode parent = n;
        if (!path.isEmpty()) {
            for (String p : path.split("\\.")) {
                parent = (ObjectNode) parent.get(p);
            }
        }
        parent.remove(field);
        return n.toString();
    }

    private static void assertProblem(String expectedInMessage, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SesNotification.parse(json));
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }
}
