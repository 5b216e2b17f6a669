package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.directory.TokenTable;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.TokenScope;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.LogCapture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, finding 11, on the real handler and the DynamoDB emulator with the demo directory:
 * expired, revoked and rotated tokens, the hourly record of use, 401/403 in the log without the
 * token, and the second line limited to the tickets escalated to it.
 */
@ExtendWith(AwsEmulators.class)
class TokenAccessTest {
    /** Thu 26 Nov 2026 10:12:30 in Amsterdam. */
    private static final Instant START = Instant.parse("2026-11-26T09:12:30Z");

    private static final MutableClock CLOCK = new MutableClock(START);
    private static IntakeApiHandler handler;
    private static TokenTable tokens;

    @BeforeAll
    static void seedDirectory(LocalAws aws) {
        aws.seed("demo");
        handler = new IntakeApiHandler(aws.environmentOf("IntakeApiFunction"), aws.clients(), CLOCK);
        tokens = new DirectoryRepository(aws.clients().dynamo(), aws.resources().tableName("DirectoryTable")).tokens();
    }

    @BeforeEach
    void resetClock() {
        CLOCK.set(START);
    }

    @Test
    void anExpiredTokenIsUnauthorizedLikeAnUnknownOne() throws Exception {
        String secret = issue("expired-" + System.nanoTime(), START.plus(Duration.ofDays(90)));
        assertEquals(200, call(list(secret)).getStatusCode());

        CLOCK.set(START.plus(Duration.ofDays(90)));
        var expired = call(list(secret));
        var unknown = call(list("no-such-token"));

        assertEquals(401, expired.getStatusCode(), expired.getBody());
        assertEquals(
                ApiSample.json(unknown).get("detail"),
                ApiSample.json(expired).get("detail"),
                "no hint that the token existed");
    }

    @Test
    void aRevokedTokenIsUnauthorizedAtOnce() throws Exception {
        String secret = issue("revoked-" + System.nanoTime(), START.plus(Duration.ofDays(90)));
        assertEquals(200, call(list(secret)).getStatusCode());

        tokens.endAt(ApiToken.hash(secret), START);

        assertEquals(401, call(list(secret)).getStatusCode());
    }

    @Test
    void aRotatedTokenWorksUntilTheOverlapEndsAndTheNewOneFromTheStart() throws Exception {
        String name = "rotated-" + System.nanoTime();
        String old = issue(name, START.plus(Duration.ofDays(90)));
        ApiToken oldToken = tokens.find(ApiToken.hash(old)).orElseThrow();
        String fresh = ApiToken.newSecret();

        tokens.rotate(oldToken, token(fresh, name, START.plus(Duration.ofDays(90))), START.plus(Duration.ofHours(1)));

        assertEquals(200, call(list(old)).getStatusCode(), "the old one lives through the overlap");
        assertEquals(200, call(list(fresh)).getStatusCode());
        CLOCK.set(START.plus(Duration.ofHours(1)));
        assertEquals(401, call(list(old)).getStatusCode());
        assertEquals(200, call(list(fresh)).getStatusCode());
    }

    @Test
    void aUseIsRecordedAtMostOnceAnHour() throws Exception {
        String secret = issue("used-" + System.nanoTime(), START.plus(Duration.ofDays(90)));
        String hash = ApiToken.hash(secret);
        assertEquals(null, tokens.find(hash).orElseThrow().lastUsedAt());

        call(list(secret));
        CLOCK.set(START.plus(Duration.ofMinutes(59)));
        call(list(secret));
        assertEquals(START, tokens.find(hash).orElseThrow().lastUsedAt());

        CLOCK.set(START.plus(Duration.ofMinutes(61)));
        call(list(secret));
        assertEquals(
                START.plus(Duration.ofMinutes(61)),
                tokens.find(hash).orElseThrow().lastUsedAt());
    }

    @Test
    void aRefusalIsLoggedWithTheRouteAndTheTokensNameNeverTheToken() throws Exception {
        String secret = "leaky-" + System.nanoTime();
        var unknown = LogCapture.capture(() -> call(list(secret)));
        var forbidden =
                LogCapture.capture(() -> call(ApiSample.of("post-tickets.json").withToken("demo-telephony-token")));

        List<Map<String, Object>> denied = unknown.lines().stream()
                .filter(l -> "api.denied".equals(l.get("event")))
                .toList();
        assertEquals(1, denied.size(), unknown.lines().toString());
        assertEquals("GET /tickets", denied.get(0).get("route"));
        assertEquals(401, denied.get(0).get("status"));
        assertEquals("unknown", denied.get(0).get("token"));
        String all = unknown.lines().toString();
        assertFalse(all.contains(secret), all);
        assertFalse(all.contains(ApiToken.hash(secret)), all);

        var refused = forbidden.lines().stream()
                .filter(l -> "api.denied".equals(l.get("event")))
                .toList();
        assertEquals(1, refused.size(), forbidden.lines().toString());
        assertEquals("POST /tickets", refused.get(0).get("route"));
        assertEquals(403, refused.get(0).get("status"));
        assertEquals("phone-agents", refused.get(0).get("token"));
        assertFalse(forbidden.lines().toString().contains("demo-telephony-token"));
    }

    @Test
    void theSecondLineGets404OnATicketNotEscalatedToItAndSeesAnEscalatedOne() throws Exception {
        // a P2 through the API: never escalated
        String quiet = ApiSample.json(
                        call(ApiSample.of("post-tickets.json").withHeader("idempotency-key", "q-" + System.nanoTime())))
                .get("number")
                .asText();
        // the hotel (HA) calls the out-of-hours line: a P1 on 24x7, escalated at creation (R17)
        var called = call(ApiSample.of("post-intake-phone.json")
                .withToken("demo-telephony-token")
                .withBody("{\"callerNumber\":\"+31 30 765 4321\",\"line\":\"out-of-hours\",\"calledAt\":\""
                        + "2026-11-26T10:10:00+01:00\",\"summary\":\"Niemand kan bellen in het hotel.\"}"));
        assertEquals(201, called.getStatusCode(), called.getBody());
        String escalated = ApiSample.json(called).get("number").asText();

        assertEquals(
                404, call(ApiSample.getTicket(quiet, "demo-secondline-token")).getStatusCode());
        var ack = call(
                ApiSample.postEvent(quiet, "{\"kind\":\"second-line-ack\"}").withToken("demo-secondline-token"));
        assertEquals(404, ack.getStatusCode(), ack.getBody());
        assertEquals(
                200, call(ApiSample.getTicket(quiet, "demo-ops-token")).getStatusCode(), "operations see everything");

        assertEquals(
                200,
                call(ApiSample.getTicket(escalated, "demo-secondline-token")).getStatusCode());
        var acked = call(
                ApiSample.postEvent(escalated, "{\"kind\":\"second-line-ack\"}").withToken("demo-secondline-token"));
        assertEquals(200, acked.getStatusCode(), acked.getBody());

        String listed = call(list("demo-secondline-token")).getBody();
        assertTrue(listed.contains(escalated), listed);
        assertFalse(listed.contains(quiet), listed);
        assertTrue(call(list("demo-ops-token")).getBody().contains(quiet));
    }

    // ---------------------------------------------------------------- helpers

    private static String issue(String name, Instant expires) {
        String secret = ApiToken.newSecret();
        tokens.issue(token(secret, name, expires));
        return secret;
    }

    private static ApiToken token(String secret, String name, Instant expires) {
        return new ApiToken(ApiToken.hash(secret), TokenScope.OPERATIONS, null, name, START, expires, null, null);
    }

    private static APIGatewayV2HTTPResponse call(ApiSample sample) {
        return LambdaInvoke.invoke(handler, sample.event(), APIGatewayV2HTTPResponse.class);
    }

    private static ApiSample list(String token) {
        return ApiSample.of("get-tickets-open.json").withToken(token);
    }
}
