package nl.vioms.sladesk.intake.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SnapStart priming (issue #9) runs real requests through the handler but changes nothing. */
@ExtendWith(AwsEmulators.class)
class SnapStartPrimingTest {
    @Test
    void primingWritesNothing(LocalAws aws) throws Exception {
        var handler = new IntakeEmailHandler(
                aws.environmentOf("IntakeEmailFunction"),
                aws.clients(),
                new MutableClock(Instant.parse("2026-11-26T09:12:30Z")));
        int tickets = aws.itemCount("TicketsTable");
        int outbox = aws.itemCount("OutboxTable");
        int directory = aws.itemCount("DirectoryTable");
        int objects = aws.clients()
                .s3()
                .listObjectsV2(b -> b.bucket(aws.resources().require("MailBucket")))
                .keyCount();

        handler.beforeCheckpoint(null);

        assertEquals(tickets, aws.itemCount("TicketsTable"));
        assertEquals(outbox, aws.itemCount("OutboxTable"));
        assertEquals(directory, aws.itemCount("DirectoryTable"));
        String bucket = aws.resources().require("MailBucket");
        assertEquals(
                objects, aws.clients().s3().listObjectsV2(b -> b.bucket(bucket)).keyCount());
    }
}
