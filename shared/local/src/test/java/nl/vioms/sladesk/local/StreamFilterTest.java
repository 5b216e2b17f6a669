package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.HashMap;
import java.util.List;
import nl.vioms.sladesk.emulators.LambdaEvents;
import nl.vioms.sladesk.emulators.Template;
import org.junit.jupiter.api.Test;

/**
 * The escalation mapping's FilterCriteria from template.yaml, on records like the outbox's: new
 * messages and pending ones asked for again go to the function; the delivery marks it writes
 * itself do not (they would only wake it for nothing).
 */
class StreamFilterTest {
    private static final TemplateTriggers.StreamMapping OUTBOX = new TemplateTriggers(Template.ofProject())
            .streamMappings().stream()
                    .filter(m -> m.functionId().equals("EscalationFunction"))
                    .findFirst()
                    .orElseThrow();
    private final StreamFilter filter = new StreamFilter(OUTBOX.filterPatterns());

    private static DynamodbEvent.DynamodbStreamRecord record(String eventName, String deliveryState) {
        var record = LambdaEvents.firstRecord(LambdaEvents.load("escalation/outbox-insert.json", DynamodbEvent.class));
        record.setEventName(eventName);
        var image = new HashMap<>(record.getDynamodb().getNewImage());
        if (deliveryState == null) {
            record.getDynamodb().setNewImage(null);
        } else {
            image.put("deliveryState", new AttributeValue().withS(deliveryState));
            record.getDynamodb().setNewImage(image);
        }
        return record;
    }

    private static final TemplateTriggers.StreamMapping MAILER = new TemplateTriggers(Template.ofProject())
            .streamMappings().stream()
                    .filter(m -> m.functionId().equals("MailerFunction"))
                    .findFirst()
                    .orElseThrow();
    private final StreamFilter mailer = new StreamFilter(MAILER.filterPatterns());

    private static DynamodbEvent.DynamodbStreamRecord mail(String eventName, String deliveryState) {
        var record = record(eventName, deliveryState);
        var image = new HashMap<>(record.getDynamodb().getNewImage());
        image.put("topic", new AttributeValue().withS("MAIL"));
        record.getDynamodb().setNewImage(image);
        return record;
    }

    @Test
    void theEscalationFunctionIgnoresMailMessages() {
        assertFalse(filter.matches(mail("INSERT", "PENDING")));
        assertFalse(filter.matches(mail("MODIFY", "PENDING")));
    }

    @Test
    void theMailerTakesPendingMailMessagesOnly() {
        assertTrue(mailer.matches(mail("INSERT", "PENDING")));
        assertTrue(mailer.matches(mail("MODIFY", "PENDING")));
        assertFalse(mailer.matches(mail("MODIFY", "DELIVERED")));
        assertFalse(mailer.matches(mail("MODIFY", "SKIPPED")));
        assertFalse(mailer.matches(record("INSERT", "PENDING")), "an escalation is not the mailer's");
        assertEquals("MailDlq", MAILER.onFailureQueueId());
        assertTrue(MAILER.reportBatchItemFailures());
    }

    @Test
    void theTemplateMappingIsReadWithItsSettings() {
        assertEquals("OutboxTable", OUTBOX.tableId());
        assertEquals("TRIM_HORIZON", OUTBOX.startingPosition());
        assertEquals(10, OUTBOX.batchSize());
        assertEquals(10, OUTBOX.maximumRetryAttempts());
        assertTrue(OUTBOX.bisectOnError());
        assertTrue(OUTBOX.reportBatchItemFailures());
        assertEquals("EscalationDlq", OUTBOX.onFailureQueueId());
        assertEquals(1, OUTBOX.filterPatterns().size());
    }

    @Test
    void aNewPendingMessageGoesToTheFunction() {
        assertTrue(filter.matches(record("INSERT", "PENDING")));
    }

    @Test
    void aPendingMessageAskedForAgainGoesToTheFunction() {
        assertTrue(filter.matches(record("MODIFY", "PENDING")));
    }

    @Test
    void theFunctionsOwnDeliveryMarkDoesNot() {
        assertFalse(filter.matches(record("MODIFY", "DELIVERED")));
        assertFalse(filter.matches(record("MODIFY", "FAILED")));
    }

    @Test
    void aRemovalDoesNot() {
        // a TTL expiry: REMOVE, with no new image
        assertFalse(filter.matches(record("REMOVE", null)));
        assertFalse(filter.matches(record("REMOVE", "PENDING")), "REMOVE is not among the event names");
    }

    @Test
    void noPatternsLetEverythingThrough() {
        assertTrue(new StreamFilter(List.of()).matches(record("REMOVE", null)));
    }

    @Test
    void patternsAreAlternatives() {
        var either = new StreamFilter(List.of("{\"eventName\": [\"REMOVE\"]}", "{\"eventName\": [\"INSERT\"]}"));

        assertTrue(either.matches(record("REMOVE", null)));
        assertTrue(either.matches(record("INSERT", "PENDING")));
        assertFalse(either.matches(record("MODIFY", "PENDING")));
    }

    @Test
    void aPrefixPatternAsLambdaDocumentsIt() {
        var p1Only = new StreamFilter(
                List.of("{\"dynamodb\": {\"Keys\": {\"id\": {\"S\": [{\"prefix\": \"VIO-2026-\"}]}}}}"));

        assertTrue(p1Only.matches(record("INSERT", "PENDING")));
    }

    @Test
    void anInvalidPatternIsRefusedWhenTheMappingIsMade() {
        var e = assertThrows(
                IllegalArgumentException.class, () -> new StreamFilter(List.of("{\"eventName\": \"INSERT\"}")));
        assertTrue(e.getMessage().contains("not valid"), e.getMessage());
    }
}
