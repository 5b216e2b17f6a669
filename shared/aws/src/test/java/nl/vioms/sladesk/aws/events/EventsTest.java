package nl.vioms.sladesk.aws.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import org.junit.jupiter.api.Test;

/** The events' records read Lambda's JSON, ignoring every member they do not declare. */
class EventsTest {
    @Test
    void anSnsEventKeepsEachNotificationsIdAndTextAndIgnoresTheRest() {
        SnsEvent event = SnsEvent.from(Json.readObject("""
                {"Records": [{"EventSource": "aws:sns", "EventVersion": "1.0", "AddedByAwsLater": {"x": 1},
                  "Sns": {"Type": "Notification", "MessageId": "m-1", "TopicArn": "arn:aws:sns:eu-central-1:1:t",
                          "Message": "{\\"notificationType\\":\\"Received\\"}", "MessageAttributes": {},
                          "Signature": "abc"}},
                 {"Sns": {}}]}
                """));

        assertEquals(
                new SnsEvent.Sns("m-1", "{\"notificationType\":\"Received\"}"),
                event.records().get(0).sns());
        assertEquals(new SnsEvent.Sns(null, null), event.records().get(1).sns());
        assertEquals(List.of(), SnsEvent.from(Map.of()).records(), "an empty payload has no records");
    }

    @Test
    void aStreamEventKeepsTheNameKeysNewImageAndSequenceNumber() {
        DynamodbStreamEvent event = DynamodbStreamEvent.from(Json.readObject("""
                {"Records": [{"eventID": "1", "eventName": "MODIFY", "eventVersion": "1.1",
                  "eventSource": "aws:dynamodb", "awsRegion": "eu-central-1",
                  "eventSourceARN": "arn:aws:dynamodb:eu-central-1:1:table/t/stream/x",
                  "dynamodb": {"ApproximateCreationDateTime": 1.7E9, "Keys": {"id": {"S": "VIO-1#p1"}},
                    "NewImage": {"id": {"S": "VIO-1#p1"}, "deliveryState": {"S": "PENDING"}, "attempts": {"N": "2"},
                                 "payload": {"M": {"a": {"S": "b"}}}},
                    "OldImage": {"deliveryState": {"S": "FAILED"}},
                    "SequenceNumber": "111", "SizeBytes": 26, "StreamViewType": "NEW_AND_OLD_IMAGES"}}]}
                """));

        DynamodbStreamEvent.StreamRecord record = event.records().get(0);
        assertEquals("MODIFY", record.eventName());
        assertEquals(Map.of("id", "VIO-1#p1"), record.dynamodb().keys());
        assertEquals(
                Map.of("id", "VIO-1#p1", "deliveryState", "PENDING"),
                record.dynamodb().newImage(),
                "string attributes only");
        assertEquals("111", record.dynamodb().sequenceNumber());
    }

    @Test
    void aStreamRecordWithoutItsMembersHasEmptyImagesAndNoSequenceNumber() {
        DynamodbStreamEvent event =
                DynamodbStreamEvent.from(Json.readObject("{\"Records\": [{\"eventName\": \"INSERT\"}]}"));

        assertEquals(Map.of(), event.records().get(0).dynamodb().keys());
        assertNull(event.records().get(0).dynamodb().sequenceNumber());
    }

    @Test
    void aWrongShapeIsRefusedNamingTheMember() {
        var e = assertThrows(Json.Invalid.class, () -> SnsEvent.from(Json.readObject("{\"Records\": {\"Sns\": 1}}")));
        assertEquals("'Records' is not a JSON array", e.getMessage());
    }

    @Test
    void theResponseIsLambdasBatchItemFailures() {
        assertEquals(
                "{\"batchItemFailures\":[]}",
                Json.write(StreamsEventResponse.success().toJson()));
        assertEquals(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"111\"}]}",
                Json.write(StreamsEventResponse.failedFrom("111").toJson()));
    }
}
