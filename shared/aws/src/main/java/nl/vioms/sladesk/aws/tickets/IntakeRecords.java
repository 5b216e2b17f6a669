package nl.vioms.sladesk.aws.tickets;

import static nl.vioms.sladesk.aws.Attr.instant;
import static nl.vioms.sladesk.aws.Attr.s;
import static nl.vioms.sladesk.aws.Attr.string;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.vioms.sladesk.app.tickets.TicketStore.SourceClaim;
import nl.vioms.sladesk.aws.Attr;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The intake's own items of the tickets table (docs/data-model.md): the yearly number counter and
 * one claim per source (an e-mail's Message-ID, an API idempotency key), which make opening a
 * ticket idempotent. Part of {@link TicketRepository}.
 */
final class IntakeRecords {
    private final DynamoDbClient dynamo;
    private final String table;

    IntakeRecords(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The next number of the year's counter (atomic ADD; a failed intake leaves a gap, never a duplicate). */
    long nextSequence(int year) {
        var result = dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", s("COUNTER#" + year), "sk", s("COUNTER")))
                .updateExpression("ADD #seq :one")
                .expressionAttributeNames(Map.of("#seq", "sequence"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(result.attributes().get("sequence").n());
    }

    Optional<SourceClaim> source(String sourceKey) {
        return Attr.getItem(dynamo, table, "SOURCE#" + sourceKey, "SOURCE")
                .map(i -> new SourceClaim(
                        string(i, "ticketNumber"), i.containsKey("completedAt"), instant(i, "reportedAt")));
    }

    /** False when the source was claimed already (a conditional put). */
    boolean claimSource(String sourceKey, String ticketNumber, Instant at, Instant reportedAt) {
        Map<String, AttributeValue> item = Map.of(
                "pk", s("SOURCE#" + sourceKey),
                "sk", s("SOURCE"),
                "ticketNumber", s(ticketNumber),
                "claimedAt", s(at.toString()),
                "reportedAt", s(reportedAt.toString()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException claimed) {
            return false;
        }
    }

    void completeSource(String sourceKey, Instant at) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", s("SOURCE#" + sourceKey), "sk", s("SOURCE")))
                .updateExpression("SET completedAt = :at")
                .expressionAttributeValues(Map.of(":at", s(at.toString()))));
    }
}
