package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ./sladesk email and the runtime's SNS trigger: a mail delivered as SES delivers it (raw message
 * in the mail bucket, S3-action notification on the inbound-mail topic) reaches intake-email
 * through the topic's subscription, and a P1 of a 24x7 contract reaches the second line through
 * the outbox stream. Files that are not e-mail are refused with the reason, before anything is sent.
 */
@ExtendWith(AwsEmulators.class)
class EmailCommandTest {
    private static final Path DEMO_MAIL = ProjectRoot.find().resolve("events/demo");

    record Run(int exit, String out, String err) {}

    static Run sladesk(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Sladesk.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aMailDeliveredAsSesWouldOpensATicketAndAP1Of24x7ReachesTheSecondLine(LocalAws aws, @TempDir Path state)
            throws Exception {
        Assumptions.assumeTrue(aws.supportsStreams(), "this DynamoDB emulator has no streams");
        aws.seed("demo");
        String secondLine = subscribedQueue(aws, "EscalationsTopic", "{\"priority\":[\"P1\"]}");
        // Tue 10 Nov 2026 14:24:00 CET
        MutableClock clock = new MutableClock(Instant.parse("2026-11-10T13:24:00Z"));
        var logged = new ByteArrayOutputStream();
        try (var runtime = new LocalRuntime(
                aws,
                clock,
                LocalRuntime.ScheduleMode.NONE,
                new InvocationLog(new PrintStream(logged, true, StandardCharsets.UTF_8), InvocationLog.Format.JSON),
                state)) {
            runtime.drain(); // what other tests left on the stream
            byte[] raw = unique(Files.readAllBytes(DEMO_MAIL.resolve("05-gouden-leeuw-p1.eml")));

            var received = new SesInbox(aws).receive(raw, clock.instant());
            runtime.drain();

            String bucket = aws.environmentOf("IntakeEmailFunction").require(EnvVar.MAIL_BUCKET);
            assertEquals(
                    "s3://" + bucket + "/inbound/" + received.sesMessageId(),
                    received.objectUri(),
                    "the rule's bucket and prefix");
            String log = logged.toString(StandardCharsets.UTF_8);
            assertTrue(
                    log.contains(
                            "\"function\":\"IntakeEmailFunction\",\"trigger\":\"sns:InboundMail\",\"outcome\":\"ok\""),
                    log);
            var tickets = new TicketRepository(
                    aws.clients().dynamo(),
                    aws.environmentOf("IntakeEmailFunction").require(EnvVar.TICKETS_TABLE));
            var opened = tickets.queue().stream()
                    .filter(t -> t.subject().equals("[P1] Telefonie ligt er volledig uit")
                            && t.createdAt().equals(clock.instant()))
                    .findFirst()
                    .orElseThrow();
            assertEquals("hotel-gouden-leeuw", opened.customerId(), "receptie@goudenleeuw.nl is the hotel's contact");
            assertEquals("P1", opened.priority().name());
            // HA is a 24x7 contract: escalated at once (R17), through the outbox's stream to SNS
            var messages = aws.sqs()
                    .receiveMessage(
                            b -> b.queueUrl(secondLine).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            assertTrue(
                    messages.stream().anyMatch(m -> m.body().contains(opened.number() + "#p1-escalation")),
                    "second line got " + messages.stream().map(m -> m.body()).toList());
        }
    }

    @Test
    void theCommandDeliversToTheRunningSystem(LocalAws aws, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(RunningSystem.running().isEmpty(), "a real ./sladesk up runs in this checkout");
        Path mail = dir.resolve("kiestoon.eml");
        Files.write(mail, unique(Files.readAllBytes(DEMO_MAIL.resolve("01-devries-kiestoon.eml"))));
        RunningSystem.announce(aws, URI.create("http://127.0.0.1:3000"));
        try {
            Run run = sladesk("email", "--at", "2026-11-02T09:12", mail.toString());

            assertEquals(0, run.exit(), run.err());
            assertTrue(
                    run.out().contains("\"Toestel 3 geeft geen kiestoon\" from Jan de Vries <jan@bakkerij-devries.nl>"),
                    run.out());
            String key = run.out().replaceAll("(?s).*s3://[^/]+/(inbound/[a-z0-9]+).*", "$1");
            String bucket = aws.environmentOf("IntakeEmailFunction").require(EnvVar.MAIL_BUCKET);
            assertEquals(
                    new String(Files.readAllBytes(mail), StandardCharsets.UTF_8),
                    aws.clients()
                            .s3()
                            .getObjectAsBytes(b -> b.bucket(bucket).key(key))
                            .asUtf8String(),
                    "the raw message, as SES stores it");
        } finally {
            RunningSystem.withdraw();
        }
    }

    /** Issue 15: operators and tests replay forged mail with the verdicts SES would send. */
    @Test
    void theVerdictOptionsSetWhatSesWouldSend(LocalAws aws, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(RunningSystem.running().isEmpty(), "a real ./sladesk up runs in this checkout");
        Path mail = dir.resolve("forged.eml");
        Files.write(mail, unique(Files.readAllBytes(DEMO_MAIL.resolve("05-gouden-leeuw-p1.eml"))));
        String inbound = aws.sqs()
                .createQueue(b -> b.queueName("email-verdicts-" + System.nanoTime()))
                .queueUrl();
        String arn = aws.sqs()
                .getQueueAttributes(b -> b.queueUrl(inbound).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        aws.clients()
                .sns()
                .subscribe(b -> b.topicArn(aws.resources().require("InboundMailTopic"))
                        .protocol("sqs")
                        .endpoint(arn)
                        .attributes(Map.of("RawMessageDelivery", "true")));
        RunningSystem.announce(aws, URI.create("http://127.0.0.1:3000"));
        try {
            Run run = sladesk(
                    "email", "--spf", "fail", "--dkim", "pass", "--dmarc", "FAIL", "--spam", "gray", mail.toString());
            Run bad = sladesk("email", "--dmarc", "maybe", mail.toString());

            assertEquals(0, run.exit(), run.err());
            assertEquals(2, bad.exit(), bad.out());
            assertTrue(bad.err().contains("is not an SES verdict"), bad.err());
            var messages = aws.sqs()
                    .receiveMessage(
                            b -> b.queueUrl(inbound).maxNumberOfMessages(10).waitTimeSeconds(2))
                    .messages();
            assertEquals(1, messages.size(), "one notification; the refused option sent nothing");
            Map<?, ?> receipt =
                    (Map<?, ?>) Json.readObject(messages.get(0).body()).get("receipt");
            assertEquals(Map.of("status", "FAIL"), receipt.get("spfVerdict"));
            assertEquals(Map.of("status", "PASS"), receipt.get("dkimVerdict"));
            assertEquals(Map.of("status", "FAIL"), receipt.get("dmarcVerdict"));
            assertEquals(Map.of("status", "GRAY"), receipt.get("spamVerdict"));
            assertEquals(Map.of("status", "PASS"), receipt.get("virusVerdict"), "PASS unless said otherwise");
        } finally {
            RunningSystem.withdraw();
        }
    }

    @Test
    void withoutARunningSystemItSaysHowToStartOne() throws Exception {
        Assumptions.assumeTrue(RunningSystem.running().isEmpty(), "a real ./sladesk up runs in this checkout");

        Run run = sladesk("email", DEMO_MAIL.resolve("01-devries-kiestoon.eml").toString());

        assertEquals(1, run.exit());
        assertTrue(run.err().contains("no SLA Desk is up; start it with ./sladesk up"), run.err());
    }

    @Test
    void filesThatAreNotEmailAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        files.put("report.json", "{\"notificationType\":\"Received\"}".getBytes(StandardCharsets.UTF_8));
        files.put("picture.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        files.put("empty.eml", new byte[0]);
        files.put("no-sender.eml", "To: support@vioms.nl\nSubject: test\n\nhallo\n".getBytes(StandardCharsets.UTF_8));
        Map<String, String> reasons = Map.of(
                "report.json", "does not start with header fields",
                "picture.png", "is binary",
                "empty.eml", "is empty",
                "no-sender.eml", "has no From header field");
        for (var file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.write(path, file.getValue());

            Run run = sladesk("email", path.toString());

            assertEquals(2, run.exit(), file.getKey() + ": " + run.err());
            assertTrue(
                    run.err().contains("FILE '" + path + "' is not an e-mail: it " + reasons.get(file.getKey()))
                            || run.err()
                                    .contains("FILE '" + path + "' is not an e-mail: the file "
                                            + reasons.get(file.getKey())),
                    run.err());
        }
        assertEquals(2, sladesk("email", dir.resolve("missing.eml").toString()).exit());
    }

    @Test
    void everyDemoMailIsAnEmailAndTheCorpusToo() throws Exception {
        List<Path> mails;
        try (var files = Files.list(DEMO_MAIL)) {
            mails = files.filter(p -> p.toString().endsWith(".eml")).toList();
        }
        assertTrue(mails.size() >= 6);
        for (Path mail : mails) {
            SesInbox.headers(Files.readAllBytes(mail));
        }
        // the intake corpus, malformed mail included: it has header fields and a sender
        try (var corpus = Files.list(ProjectRoot.find().resolve("functions/intake-email/src/test/resources/mail"))) {
            for (Path mail : corpus.filter(p -> p.toString().endsWith(".eml")).toList()) {
                SesInbox.headers(Files.readAllBytes(mail));
            }
        }
    }

    /** A fresh Message-ID, so a mail sent again by another test run is not a duplicate. */
    private static byte[] unique(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        return text.replaceFirst("Message-ID: <", "Message-ID: <" + System.nanoTime() + ".")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String subscribedQueue(LocalAws aws, String topicId, String filterPolicy) {
        String url = aws.sqs()
                .createQueue(b -> b.queueName("email-test-" + System.nanoTime()))
                .queueUrl();
        String arn = aws.sqs()
                .getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        aws.clients()
                .sns()
                .subscribe(b -> b.topicArn(aws.resources().require(topicId))
                        .protocol("sqs")
                        .endpoint(arn)
                        .attributes(Map.of("RawMessageDelivery", "true", "FilterPolicy", filterPolicy)));
        return url;
    }

    static String json(Object value) {
        return Json.write(value);
    }
}
