package nl.vioms.sladesk.local;

import static nl.vioms.sladesk.local.SladeskCommandsTest.sladesk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.directory.DirectorySeed;
import nl.vioms.sladesk.aws.directory.TokenTable;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.local.SladeskCommandsTest.Run;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ./sladesk token issue|list|rotate|revoke on a running system (the test's emulators, announced as ./sladesk up). */
@ExtendWith(AwsEmulators.class)
class TokenCommandTest {

    @Test
    void issueListRotateAndRevokeATokenWithoutEverListingItsSecret(LocalAws aws) throws Exception {
        Assumptions.assumeTrue(RunningSystem.running().isEmpty(), "a real ./sladesk up runs in this checkout");
        aws.seed("demo");
        TokenTable tokens = TokenCommand.tokens(aws);
        String name = "portal-" + System.nanoTime();
        RunningSystem.announce(aws, URI.create("http://127.0.0.1:3000"));
        try {
            Run issued = sladesk("token", "issue", "--name", name, "--scope", "reseller", "--reseller", "telnet");
            assertEquals(0, issued.exit(), issued.err());
            assertTrue(issued.err().contains("not shown again"), issued.err());
            String secret = issued.json().get("token").asText();
            ApiToken stored = tokens.find(ApiToken.hash(secret)).orElseThrow();
            assertEquals("telnet", stored.resellerId());
            Duration lifetime = Duration.between(stored.createdAt(), stored.expiresAt());
            assertEquals(TokenCommand.DEFAULT_LIFETIME, lifetime);
            assertEquals(
                    2,
                    sladesk("token", "issue", "--name", name, "--scope", "operations")
                            .exit());

            Run listed = sladesk("token", "list");
            assertEquals(0, listed.exit(), listed.err());
            assertFalse(listed.out().contains(secret), "never the secret");
            assertFalse(listed.out().contains(ApiToken.hash(secret)), "never the hash");
            JsonNode line = line(listed, name);
            assertEquals("reseller", line.get("scope").asText());
            assertEquals("active", line.get("state").asText());
            assertTrue(line.get("lastUsed").isNull());
            assertTrue(listed.out().contains("\"name\":\"second-line-helpdesk\""), "the seed's tokens too");

            Run rotated = sladesk("token", "rotate", "--name", name, "--overlap", "1h");
            assertEquals(0, rotated.exit(), rotated.err());
            String fresh = rotated.json().get("token").asText();
            assertNotEquals(secret, fresh);
            ApiToken old = tokens.find(ApiToken.hash(secret)).orElseThrow();
            Instant now = Instant.now();
            assertTrue(old.worksAt(now), "the old secret works through the overlap");
            assertFalse(old.worksAt(now.plus(Duration.ofHours(1)).plusSeconds(5)));
            assertEquals(
                    "telnet", tokens.find(ApiToken.hash(fresh)).orElseThrow().resellerId());

            Run revoked = sladesk("token", "revoke", "--name", name);
            assertEquals(0, revoked.exit(), revoked.err());
            assertFalse(tokens.find(ApiToken.hash(secret)).orElseThrow().worksAt(Instant.now()));
            assertFalse(tokens.find(ApiToken.hash(fresh)).orElseThrow().worksAt(Instant.now()));
            assertEquals(
                    "revoked", line(sladesk("token", "list"), name).get("state").asText());
            assertEquals(2, sladesk("token", "revoke", "--name", name).exit(), "nothing left to revoke");
        } finally {
            RunningSystem.withdraw();
        }
    }

    @Test
    void aSeedLoadedAgainDoesNotBringARevokedTokenBack(LocalAws aws) {
        String secret = "seeded-" + System.nanoTime();
        var seed = DirectorySeed.parse(("{\"tokens\":[{\"name\":\"" + secret + "\",\"scope\":\"operations\","
                        + "\"token\":\"" + secret + "\"}]}")
                .getBytes(StandardCharsets.UTF_8));
        var directory =
                new DirectoryRepository(aws.clients().dynamo(), aws.resources().tableName("DirectoryTable"));
        DirectorySeed.load(seed, directory);
        String hash = ApiToken.hash(secret);
        assertNull(
                directory.tokens().find(hash).orElseThrow().expiresAt(), "a seed token without expires never expires");
        directory.tokens().endAt(hash, Instant.now());

        DirectorySeed.load(seed, directory);

        assertFalse(directory.tokens().find(hash).orElseThrow().worksAt(Instant.now()));
    }

    @Test
    void badArgumentsExitTwoNamingTheOption() {
        Run scope = sladesk("token", "issue", "--name", "x", "--scope", "admin");
        Run reseller = sladesk("token", "issue", "--name", "x", "--scope", "reseller");
        Run expires = sladesk("token", "issue", "--name", "x", "--scope", "operations", "--expires", "soon");

        assertEquals(2, scope.exit());
        assertTrue(scope.err().contains("--scope 'admin'"), scope.err());
        assertEquals(2, reseller.exit());
        assertTrue(reseller.err().contains("--reseller"), reseller.err());
        assertEquals(2, expires.exit());
        assertTrue(expires.err().contains("--expires 'soon'"), expires.err());
    }

    private static JsonNode line(Run run, String name) throws Exception {
        for (String text : run.out().split("\n")) {
            JsonNode line = DatabindJson.MAPPER.readTree(text);
            if (name.equals(line.get("name").asText())) {
                return line;
            }
        }
        throw new AssertionError(name + " not in " + run.out());
    }
}
