package nl.vioms.sladesk.console.login;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sessions ended by logout before their ID token expired (decision 26): a token is valid until its
 * {@code exp} by its signature alone, so logout records its session id here and every request looks
 * it up (GetItem by key, strongly consistent). An item lives until the token would have expired
 * (TTL {@code expiresAt}); after that the token is refused for its expiry anyway.
 */
public final class SessionRevocations {
    private final DynamoDbClient dynamo;
    private final String table;

    public SessionRevocations(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Ends a session; doing it twice is harmless. */
    public void revoke(String sessionId, Instant tokenExpires, Instant now) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "pk", AttributeValue.fromS(key(sessionId)),
                        "revokedAt", AttributeValue.fromS(now.toString()),
                        "expiresAt", AttributeValue.fromN(Long.toString(tokenExpires.getEpochSecond())))));
    }

    public boolean isRevoked(String sessionId) {
        return dynamo.getItem(b -> b.tableName(table)
                        .key(Map.of("pk", AttributeValue.fromS(key(sessionId))))
                        .consistentRead(true)
                        .projectionExpression("pk"))
                .hasItem();
    }

    private static String key(String sessionId) {
        return "REVOKED#" + sessionId;
    }
}
