package nl.vioms.sladesk.aws.mail;

import static nl.vioms.sladesk.aws.Attr.s;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.vioms.sladesk.app.mail.MailGuard;
import nl.vioms.sladesk.aws.Attr;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The mail table (issue 16): pk/sk strings, TTL attribute {@code expiresAt}.
 *
 * <ul>
 *   <li>suppressed address: {@code SUPPRESSED#<address>} / {@code SUPPRESSED}; reason, at (no TTL)
 *   <li>hourly counter: {@code HOURLY#<address>} / {@code <yyyy-MM-ddTHH>}; {@code mails}, a string
 *       set of the outbox ids counted (its size is the count, so a retry counts nothing twice),
 *       expires a day after its hour
 * </ul>
 *
 * Addresses are kept lower case.
 */
public final class MailRepository implements MailGuard {
    /** How long an hourly counter is kept after its hour (DynamoDB's TTL deletes it later still). */
    public static final Duration COUNTER_KEPT = Duration.ofDays(1);

    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;

    public MailRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A suppressed address: why and since when. */
    public record Suppression(String address, String reason, Instant at) {}

    @Override
    public boolean isSuppressed(String address) {
        return suppression(address).isPresent();
    }

    public Optional<Suppression> suppression(String address) {
        String key = normal(address);
        return Attr.getItem(dynamo, table, "SUPPRESSED#" + key, "SUPPRESSED")
                .map(item -> new Suppression(key, Attr.string(item, "reason"), Attr.instant(item, "at")));
    }

    @Override
    public void suppress(String address, String reason, Instant at) {
        String key = normal(address);
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "pk", s("SUPPRESSED#" + key),
                            "sk", s("SUPPRESSED"),
                            "address", s(key),
                            "reason", s(reason),
                            "at", s(at.toString())))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException already) {
            // suppressed before: the first reason stays
        }
    }

    @Override
    public boolean countWithinHourlyLimit(String address, String mailId, Instant at, int limit) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        long expires = hour.plus(Duration.ofHours(1)).plus(COUNTER_KEPT).getEpochSecond();
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s("HOURLY#" + normal(address)), "sk", s(HOUR.format(hour))))
                    .updateExpression("ADD mails :id SET expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(mails) OR size(mails) < :limit OR contains(mails, :mid)")
                    .expressionAttributeValues(Map.of(
                            ":id", AttributeValue.fromSs(List.of(mailId)),
                            ":mid", s(mailId),
                            ":limit", AttributeValue.fromN(Integer.toString(limit)),
                            ":expires", AttributeValue.fromN(Long.toString(expires)))));
            return true;
        } catch (ConditionalCheckFailedException overLimit) {
            return false;
        }
    }

    /** How many mails the address had in the clock hour of {@code at}. */
    public int countInHour(String address, Instant at) {
        return Attr.getItem(dynamo, table, "HOURLY#" + normal(address), HOUR.format(at.truncatedTo(ChronoUnit.HOURS)))
                .map(item -> item.containsKey("mails") ? item.get("mails").ss().size() : 0)
                .orElse(0);
    }

    private static String normal(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
