package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.vioms.sladesk.app.mail.MailKind;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.monitoring.StreakState;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 19 through the real intake-api handler on the emulators: operations declare a P1 on the
 * hosted voice platform (demo seed: {@code platform:hosted-voice} carries hosted-pbx) a major
 * incident; matching reports are linked, others not; resolving it resolves its open children;
 * unlinked ones are left; the second line hears of it once; a public update is mailed once per
 * recipient; bad input is refused with nothing stored. Each test resolves its own major incident,
 * so the next one starts with an empty board.
 */
@ExtendWith(AwsEmulators.class)
class MajorIncidentApiTest {
    /** Wed 10 Feb 2027 10:00 in Amsterdam (UTC+1), a working day: far from other tests' tickets. */
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-02-10T09:00:00Z"));

    private static final String OPS = "demo-ops-token";
    private static final String TELNET = "demo-telnet-token";
    private static final String BELWINKEL = "demo-belwinkel-token";
    private static final String PLATFORM = "platform:hosted-voice";

    private static IntakeApiHandler handler;
    private static OutboxRepository outbox;
    private static MonitoringRepository monitoring;
    private static ProbeRepository probes;

    @BeforeAll
    static void seed(LocalAws aws) {
        Environment env = aws.environmentOf("IntakeApiFunction");
        aws.seed("demo");
        handler = new IntakeApiHandler(env, aws.clients(), CLOCK);
        outbox = new OutboxRepository(aws.clients().dynamo(), env.require(EnvVar.OUTBOX_TABLE));
        monitoring = new MonitoringRepository(aws.clients().dynamo(), env.require(EnvVar.MONITORING_TABLE));
        probes = new ProbeRepository(aws.clients().dynamo(), env.require(EnvVar.MONITORING_TABLE));
    }

    @Test
    void aDeclaredMajorIncidentTakesMatchingReportsOnlyAndResolvesThemWithIt() throws Exception {
        tick();
        String major = declaredMajor("bakkerij-devries", "major-a");

        String dentist = open(BELWINKEL, "tandarts-smit", "Niemand kan bellen", "Alle toestellen stil.", null, "a-1");
        String trunk = open(TELNET, "hotel-gouden-leeuw", "Geen kiestoon op de trunk", "", "trunk", "a-2");
        String voicemail = open(TELNET, "hotel-gouden-leeuw", "Voicemailbegroeting aanpassen", "", "pbx", "a-3");
        assertEquals(major, view(dentist).path("parent").asText(), "hosted-pbx, 'niemand kan bellen': linked");
        assertTrue(view(trunk).path("parent").isMissingNode(), "a sip-trunk is not carried by the platform (R21)");
        assertTrue(view(voicemail).path("parent").isMissingNode(), "no outage in its words");
        assertEquals(1, view(major).path("linkedReports").asInt());

        // the reseller retries its call (same Idempotency-Key): the same ticket, linked once
        assertEquals(
                dentist, open(BELWINKEL, "tandarts-smit", "Niemand kan bellen", "Alle toestellen stil.", null, "a-1"));
        assertEquals(1, view(major).path("linkedReports").asInt());

        tick();
        Instant resolvedAt = CLOCK.instant();
        String resolve = "{\"kind\":\"resolved\",\"note\":\"Core-router vervangen, bellen werkt weer.\"}";
        assertEquals(200, event(major, resolve, "resolve-a").getStatusCode());
        // retried (same Idempotency-Key): nothing is resolved twice
        assertEquals(200, event(major, resolve, "resolve-a").getStatusCode());

        JsonNode child = view(dentist);
        assertEquals("resolved", child.path("status").asText());
        List<JsonNode> resolutions = kinds(child, "resolved");
        assertEquals(1, resolutions.size(), child.toString());
        assertEquals(
                "Core-router vervangen, bellen werkt weer.",
                resolutions.get(0).path("data").path("text").asText());
        assertEquals(
                resolvedAt,
                OffsetDateTime.parse(resolutions.get(0).path("at").asText()).toInstant(),
                "the same instant as the major incident's resolution (shown in Amsterdam time)");
        assertEquals("open", view(trunk).path("status").asText());
        assertEquals("open", view(voicemail).path("status").asText());
        resolve(trunk);
        resolve(voicemail);
    }

    @Test
    void reportsBeforeTheDeclarationAreLinkedThenAnUnlinkedOneIsLeftByTheCascade() throws Exception {
        tick();
        String early = open(BELWINKEL, "tandarts-smit", "Storing", "Bellen lukt niet sinds 10 minuten.", null, "b-1");
        tick();
        String other = open(TELNET, "bakkerij-devries", "Gesprekken vallen weg", "", null, "b-2");
        assertTrue(view(early).path("parent").isMissingNode(), "no major incident yet");
        tick();

        String major = declaredMajor("hotel-gouden-leeuw", "major-b");
        assertEquals(major, view(early).path("parent").asText(), "reported 10 minutes before: linked at declaration");
        assertEquals(major, view(other).path("parent").asText());
        assertEquals(2, view(major).path("linkedReports").asInt());

        tick();
        assertEquals(200, event(other, "{\"kind\":\"unlink\"}", "unlink-b").getStatusCode());
        assertTrue(view(other).path("parent").isMissingNode());
        assertEquals(1, view(major).path("linkedReports").asInt());

        tick();
        event(major, "{\"kind\":\"resolved\",\"note\":\"Opgelost.\"}", "resolve-b");
        assertEquals("resolved", view(early).path("status").asText());
        assertEquals("open", view(other).path("status").asText(), "unlinked: its own problem, not touched");
        resolve(other);
    }

    @Test
    void theSecondLineHearsOfTheMajorIncidentOnceWhateverTheNumberOfReports() throws Exception {
        tick();
        // Hotel De Gouden Leeuw is HA (24x7): its own P1 would reach the second line at once (R17)
        String major = declaredMajor("hotel-gouden-leeuw", "major-c");
        List<String> children = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            children.add(open(TELNET, "hotel-gouden-leeuw", "Niemand kan bellen", "Kamer " + i, "pbx", "c-" + i));
        }
        assertEquals(25, view(major).path("linkedReports").asInt());
        assertTrue(outbox.find(major + "#p1-escalation").isPresent(), "the major incident's own escalation");
        for (String child : children) {
            assertEquals("P1", view(child).path("priority").asText());
            assertFalse(outbox.find(child + "#p1-escalation").isPresent(), child + " is not escalated on its own");
        }
        long secondLine = outbox.listByState(DeliveryState.PENDING, 100_000).stream()
                .filter(m -> m.topic() == OutboxMessage.Topic.ESCALATIONS)
                .filter(m ->
                        m.id().startsWith(major + "#") || children.stream().anyMatch(c -> m.id().startsWith(c + "#")))
                .count();
        assertEquals(1, secondLine);
        tick();
        event(major, "{\"kind\":\"resolved\",\"note\":\"Opgelost.\"}", "resolve-c");
        for (String child : children) {
            assertEquals("resolved", view(child).path("status").asText(), child);
        }
    }

    @Test
    void aPublicUpdateIsMailedOncePerRecipientAndShownOnTheStatusPage() throws Exception {
        tick();
        String major = declaredMajor("bakkerij-devries", "major-d");
        String update = "{\"kind\":\"public-update\","
                + "\"text\":\"Een leverancier vervangt een router; verwacht herstel 12:00.\"}";
        assertEquals(200, event(major, update, "update-d").getStatusCode());
        assertEquals(200, event(major, update, "update-d").getStatusCode(), "a retried request");

        List<OutboundMail> mails = majorMails(major, "api-update-d");
        Map<String, Long> perRecipient =
                mails.stream().collect(Collectors.groupingBy(OutboundMail::to, Collectors.counting()));
        assertTrue(perRecipient.values().stream().allMatch(n -> n == 1), perRecipient.toString());
        // every hosted-pbx customer of the demo seed and both resellers' desks
        assertTrue(
                perRecipient
                        .keySet()
                        .containsAll(List.of(
                                "servicedesk@telnet-partners.nl", "support@debelwinkel.nl", "info@tandartssmit.nl")),
                perRecipient.toString());
        assertTrue(
                mails.get(0).text().contains("verwacht herstel 12:00"),
                mails.get(0).text());

        JsonNode status = ApiSample.json(call(ApiSample.of("get-health.json").withRoute("GET /status.json")));
        JsonNode service = service(status, PLATFORM);
        assertEquals("down", service.path("state").asText(), status.toString());
        JsonNode incident = status.path("incidents").get(0);
        assertEquals("open", incident.path("status").asText());
        assertTrue(incident.path("updates").get(0).path("text").asText().contains("verwacht herstel 12:00"));
        assertNoCustomer(status.toString());

        tick();
        event(major, "{\"kind\":\"resolved\",\"note\":\"Router vervangen.\"}", "resolve-d");
        JsonNode after = ApiSample.json(call(ApiSample.of("get-health.json").withRoute("GET /status.json")));
        assertEquals("operational", service(after, PLATFORM).path("state").asText(), after.toString());
        assertEquals("resolved", after.path("incidents").get(0).path("status").asText());
        assertEquals(
                1,
                majorMails(major, "api-resolve-d").stream()
                        .filter(m -> m.to().equals("support@debelwinkel.nl"))
                        .count());
        // closing it after its resolution tells nobody anything new
        int notices = majorMails(major, null).size();
        tick();
        assertEquals(200, event(major, "{\"kind\":\"closed\"}", "close-d").getStatusCode());
        assertEquals(notices, majorMails(major, null).size());
    }

    @Test
    void theStatusPageIsPublicDutchEscapedCachedAndNamesNoCustomer() throws Exception {
        tick();
        String major = declaredMajor("tandarts-smit", "major-e");
        event(major, "{\"kind\":\"public-update\",\"text\":\"<script>alert(1)</script> & meer\"}", "update-e");

        var html = call(ApiSample.of("get-health.json").withRoute("GET /status").withToken(null));
        assertEquals(200, html.getStatusCode());
        assertTrue(html.getHeaders().get("content-type").startsWith("text/html"));
        assertTrue(html.getHeaders().get("cache-control").contains("max-age=30"));
        assertTrue(html.getBody().contains("<html lang=\"nl\">"));
        assertTrue(html.getBody().contains("<main>"));
        assertTrue(html.getBody().contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer"));
        assertFalse(html.getBody().contains("<script>"));
        assertTrue(html.getBody().contains("Storing: VIOMS Hosted voice platform"), html.getBody());
        assertNoCustomer(html.getBody());

        var atom = call(
                ApiSample.of("get-health.json").withRoute("GET /status.atom").withToken(null));
        assertEquals(200, atom.getStatusCode());
        assertTrue(atom.getHeaders().get("content-type").startsWith("application/atom+xml"));
        assertTrue(atom.getBody().contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
        assertTrue(atom.getBody().contains("<entry><id>urn:vioms:status:"));
        assertNoCustomer(atom.getBody());
        assertFalse(atom.getBody().contains(major), "no ticket number on the public page");

        tick();
        event(major, "{\"kind\":\"resolved\",\"note\":\"Opgelost.\"}", "resolve-e");
        var resolved = call(
                ApiSample.of("get-health.json").withRoute("GET /status.atom").withToken(null));
        assertTrue(resolved.getBody().contains("Opgelost: VIOMS Hosted voice platform"), resolved.getBody());
    }

    @Test
    void aPlatformServiceWhoseProbeIsFailingButNotYetDownIsDegraded() throws Exception {
        String slug = "mi-degraded-" + UUID.randomUUID().toString().substring(0, 8);
        monitoring.putService(MonitoredService.platform(slug, "Carrier-koppeling", Set.of(ServiceKind.SIP_TRUNK)));
        ProbeTarget target = ProbeTarget.tcp("carrier-" + slug, "platform:" + slug, "127.0.0.1", 9, null);
        probes.putTarget(target);
        try {
            // R20: three failed checks in a row are notified; an outage only at five
            Instant first = CLOCK.instant().minusSeconds(180);
            probes.saveStreak(new StreakState(target.id(), CLOCK.instant(), 3, first, true, null, null, null, 0));
            JsonNode status =
                    ApiSample.json(call(ApiSample.of("get-health.json").withRoute("GET /status.json")));
            assertEquals(
                    "degraded",
                    service(status, "platform:" + slug).path("state").asText(),
                    status.toString());
            assertEquals("operational", service(status, PLATFORM).path("state").asText());
        } finally {
            probes.deleteTarget(target.id());
        }
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() throws Exception {
        tick();
        String major = declaredMajor("bakkerij-devries", "major-f");
        String plain = open(TELNET, "hotel-gouden-leeuw", "Voicemail werkt niet", "", "pbx", "f-1");
        String p2 = open(TELNET, "hotel-gouden-leeuw", "Wachtmuziek aanpassen", "", "pbx", "f-2");
        int majorEvents = view(major).path("history").size();
        int plainEvents = view(plain).path("history").size();

        Map<String, Integer> refused = Map.of(
                "{\"kind\":\"link\",\"parent\":\"VIO-2027-999999\"}",
                400, // unknown parent
                "{\"kind\":\"link\",\"parent\":\"" + plain + "\"}",
                400, // itself
                "{\"kind\":\"link\",\"parent\":\"" + p2 + "\"}",
                409, // no major incident
                "{\"kind\":\"link\",\"parent\":\"niet-een-nummer\"}",
                400,
                "{\"kind\":\"link\"}",
                400,
                "{\"kind\":\"unlink\"}",
                409); // not linked
        refused.forEach(
                (body, status) -> assertEquals(status, event(plain, body, null).getStatusCode(), body));
        assertEquals(plainEvents, view(plain).path("history").size());

        String tooLong = "x".repeat(TicketRoutes.MAX_PUBLIC_UPDATE + 1);
        for (String body : List.of(
                "{\"kind\":\"public-update\",\"text\":\"" + tooLong + "\"}",
                "{\"kind\":\"public-update\",\"text\":\"storing\\u0007 bel\"}",
                "{\"kind\":\"public-update\",\"text\":\"a\\u202Eb\"}",
                "{\"kind\":\"public-update\",\"text\":\"   \"}")) {
            assertEquals(400, event(major, body, null).getStatusCode(), body);
        }
        assertEquals(
                409,
                event(plain, "{\"kind\":\"public-update\",\"text\":\"x\"}", null)
                        .getStatusCode());
        assertEquals(
                403,
                call(ApiSample.postEvent(major, "{\"kind\":\"public-update\",\"text\":\"x\"}")
                                .withToken(TELNET))
                        .getStatusCode(),
                "a reseller token");
        assertEquals(
                403,
                call(ApiSample.postEvent(plain, "{\"kind\":\"declare-major\",\"service\":\"" + PLATFORM + "\"}")
                                .withToken(TELNET))
                        .getStatusCode());
        assertEquals(
                409,
                event(p2, "{\"kind\":\"declare-major\",\"service\":\"" + PLATFORM + "\"}", null)
                        .getStatusCode(),
                "not a P1");
        assertEquals(
                400,
                event(plain, "{\"kind\":\"declare-major\",\"service\":\"platform:nergens\"}", null)
                        .getStatusCode());
        assertEquals(majorEvents, view(major).path("history").size());
        assertTrue(majorMails(major, null).stream().noneMatch(m -> m.text().contains("xxxxxxxx")));

        tick();
        event(major, "{\"kind\":\"resolved\",\"note\":\"Opgelost.\"}", "resolve-f");
        resolve(plain);
        resolve(p2);
    }

    // --- helpers

    /** Operations open a P1 for the customer and declare it the hosted voice platform's major incident. */
    private String declaredMajor(String customer, String key) throws Exception {
        var opened = call(ApiSample.of("post-tickets.json")
                .withToken(OPS)
                .withHeader("idempotency-key", key)
                .withBody("{\"customer\":\"" + customer + "\",\"subject\":\"Hosted platform onbereikbaar\","
                        + "\"description\":\"Monitoring en klanten melden: niemand kan bellen.\","
                        + "\"priority\":\"P1\"}"));
        assertEquals(201, opened.getStatusCode(), opened.getBody());
        String number = ApiSample.json(opened).get("number").asText();
        var declared = event(number, "{\"kind\":\"declare-major\",\"service\":\"" + PLATFORM + "\"}", key + "-declare");
        assertEquals(200, declared.getStatusCode(), declared.getBody());
        assertEquals(PLATFORM, ApiSample.json(declared).path("majorService").asText());
        return number;
    }

    private static String open(String token, String customer, String subject, String text, String service, String key)
            throws Exception {
        String body = "{\"customer\":\"" + customer + "\",\"subject\":\"" + subject + "\",\"description\":\"" + text
                + "\"" + (service == null ? "" : ",\"service\":\"" + service + "\"") + "}";
        var opened = call(ApiSample.of("post-tickets.json")
                .withToken(token)
                .withHeader("idempotency-key", "mi-" + key)
                .withBody(body));
        assertTrue(opened.getStatusCode() == 201 || opened.getStatusCode() == 200, opened.getBody());
        return ApiSample.json(opened).get("number").asText();
    }

    private static APIGatewayV2HTTPResponse event(String number, String body, String key) {
        ApiSample sample = ApiSample.postEvent(number, body).withToken(OPS);
        if (key != null) {
            sample.withHeader("idempotency-key", key);
        }
        return call(sample);
    }

    private static void resolve(String number) {
        tick();
        event(number, "{\"kind\":\"resolved\",\"note\":\"Opgelost.\"}", null);
    }

    private static JsonNode view(String number) throws Exception {
        var answer = call(ApiSample.getTicket(number, OPS));
        assertEquals(200, answer.getStatusCode(), answer.getBody());
        return ApiSample.json(answer);
    }

    private static List<JsonNode> kinds(JsonNode view, String kind) {
        List<JsonNode> out = new ArrayList<>();
        view.path("history").forEach(e -> {
            if (kind.equals(e.path("kind").asText())) {
                out.add(e);
            }
        });
        return out;
    }

    private static JsonNode service(JsonNode status, String key) {
        for (JsonNode s : status.path("services")) {
            if (key.equals(s.path("service").asText())) {
                return s;
            }
        }
        throw new AssertionError("no service " + key + " in " + status);
    }

    private static void assertNoCustomer(String page) {
        for (String name : List.of("Bakkerij", "Gouden Leeuw", "Tandarts", "bakkerij-devries", "VIO-2027")) {
            assertFalse(page.contains(name), name + " on the public page: " + page);
        }
    }

    /** The major incident's notices of one event (or of all when null), as the outbox holds them. */
    private static List<OutboundMail> majorMails(String major, String eventId) {
        Function<OutboxMessage, OutboundMail> mail = m -> OutboundMail.fromJson(m.body());
        return outbox.listByState(DeliveryState.PENDING, 100_000).stream()
                .filter(m -> m.topic() == OutboxMessage.Topic.MAIL)
                .map(mail)
                .filter(m -> m.kind() == MailKind.MAJOR_INCIDENT && major.equals(m.ticket()))
                .filter(m -> eventId == null || eventId.equals(m.eventId()))
                .toList();
    }

    private static void tick() {
        CLOCK.set(CLOCK.instant().plusSeconds(300));
    }

    private static APIGatewayV2HTTPResponse call(ApiSample sample) {
        return LambdaInvoke.invoke(handler, sample.event(), APIGatewayV2HTTPResponse.class);
    }
}
