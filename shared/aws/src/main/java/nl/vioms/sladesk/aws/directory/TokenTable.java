package nl.vioms.sladesk.aws.directory;

import static nl.vioms.sladesk.aws.Attr.instant;
import static nl.vioms.sladesk.aws.Attr.s;
import static nl.vioms.sladesk.aws.Attr.sortable;
import static nl.vioms.sladesk.aws.Attr.string;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.vioms.sladesk.aws.Attr;
import nl.vioms.sladesk.aws.Indexes;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.TokenScope;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The API tokens of the directory table: one item per token hash (pk {@code TOKEN#<sha256>}, sk
 * {@code TOKEN}), read by GetItem on every request. Each item also carries {@code entity=TOKEN}
 * and {@code id=<name>#<sha256>}, so that the operator's list is a Query on the {@code customers}
 * index (which month-end queries for {@code entity=CUSTOMER} only). Instants are stored as
 * fixed-width UTC text ({@link Attr#sortable}), so that a condition compares them as text.
 */
public final class TokenTable {
    private static final String ENTITY = "TOKEN";

    private final DynamoDbClient dynamo;
    private final String table;

    public TokenTable(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Writes a new token (an issue or a rotation); its hash must be new. */
    public void issue(ApiToken token) {
        Map<String, AttributeValue> item = new HashMap<>(key(token.hash()));
        item.put("scope", s(token.scope().name()));
        item.put("name", s(nameOf(token)));
        item.put("entity", s(ENTITY));
        item.put("id", s(nameOf(token) + "#" + token.hash()));
        putInstant(item, "createdAt", token.createdAt());
        putInstant(item, "expiresAt", token.expiresAt());
        if (token.resellerId() != null) {
            item.put("resellerId", s(token.resellerId()));
        }
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    /**
     * Writes a seed's token: scope, name, reseller and (when the seed gives one) expiry are the
     * seed's; a revocation, the last use and the first creation stay, so a seed loaded again never
     * brings a revoked token back.
     */
    public void seed(ApiToken token, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#scope", "scope", "#name", "name", "#id", "id"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":scope", s(token.scope().name()),
                ":name", s(nameOf(token)),
                ":entity", s(ENTITY),
                ":id", s(nameOf(token) + "#" + token.hash()),
                ":now", s(sortable(now))));
        StringBuilder set = new StringBuilder("SET #scope = :scope, #name = :name, entity = :entity, #id = :id,"
                + " createdAt = if_not_exists(createdAt, :now)");
        if (token.resellerId() != null) {
            set.append(", resellerId = :reseller");
            values.put(":reseller", s(token.resellerId()));
        }
        if (token.expiresAt() != null) {
            set.append(", expiresAt = :expires");
            values.put(":expires", s(sortable(token.expiresAt())));
        }
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(token.hash()))
                .updateExpression(set.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    public Optional<ApiToken> find(String hash) {
        return Attr.getItem(dynamo, table, "TOKEN#" + hash, "TOKEN").map(item -> toToken(hash, item));
    }

    /** Every token, ordered by name: one Query on the {@code customers} index, paginated. */
    public List<ApiToken> list() {
        var index = Indexes.DIRECTORY_CUSTOMERS;
        return dynamo
                .queryPaginator(b -> b.tableName(table)
                        .indexName(index.indexName())
                        .keyConditionExpression("#e = :e")
                        .expressionAttributeNames(Map.of("#e", index.partitionKey()))
                        .expressionAttributeValues(Map.of(":e", s(ENTITY))))
                .items()
                .stream()
                .map(item -> toToken(string(item, "pk").substring("TOKEN#".length()), item))
                .toList();
    }

    /** A rotation: the new token is written, then the old one ends at {@code oldEndsAt} (now: no overlap). */
    public void rotate(ApiToken old, ApiToken fresh, Instant oldEndsAt) {
        issue(fresh);
        endAt(old.hash(), oldEndsAt);
    }

    /** Ends the token at {@code at} (now for a revocation, later for a rotation's overlap); never later. */
    public void endAt(String hash, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(hash))
                    .updateExpression("SET revokedAt = :at")
                    .conditionExpression(
                            "attribute_exists(pk) AND (attribute_not_exists(revokedAt) OR revokedAt > :at)")
                    .expressionAttributeValues(Map.of(":at", s(sortable(at)))));
        } catch (ConditionalCheckFailedException ended) {
            // it ends sooner already
        }
    }

    /** Records a use; only when the last recorded use is an hour old, so concurrent requests write once. */
    public void markUsed(String hash, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(hash))
                    .updateExpression("SET lastUsedAt = :at")
                    .conditionExpression(
                            "attribute_exists(pk) AND (attribute_not_exists(lastUsedAt)" + " OR lastUsedAt <= :due)")
                    .expressionAttributeValues(Map.of(
                            ":at",
                            s(sortable(at)),
                            ":due",
                            s(sortable(at.minusSeconds(ApiToken.USE_RECORDED_EVERY))))));
        } catch (ConditionalCheckFailedException recentlyRecorded) {
            // another request recorded it
        }
    }

    private static ApiToken toToken(String hash, Map<String, AttributeValue> item) {
        String name = string(item, "name");
        return new ApiToken(
                hash,
                TokenScope.valueOf(string(item, "scope")),
                string(item, "resellerId"),
                name == null || name.isEmpty() ? null : name,
                instant(item, "createdAt"),
                instant(item, "expiresAt"),
                instant(item, "revokedAt"),
                instant(item, "lastUsedAt"));
    }

    private static Map<String, AttributeValue> key(String hash) {
        return Map.of("pk", s("TOKEN#" + hash), "sk", s("TOKEN"));
    }

    private static String nameOf(ApiToken token) {
        return token.name() == null ? "" : token.name();
    }

    private static void putInstant(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, s(sortable(value)));
        }
    }
}
