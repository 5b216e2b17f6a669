package nl.vioms.sladesk.aws.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The mail table from template.yaml: the suppression list and the hourly counter (issue 16). */
@ExtendWith(AwsEmulators.class)
class MailRepositoryTest {
    private static final Instant AT = Instant.parse("2026-12-04T10:59:59Z");
    private static MailRepository mail;

    @BeforeAll
    static void setUp(LocalAws aws) {
        mail = new MailRepository(
                aws.clients().dynamo(), aws.environmentOf("MailerFunction").require(EnvVar.MAIL_TABLE));
    }

    private static String fresh() {
        return "klant-" + UUID.randomUUID() + "@example.nl";
    }

    @Test
    void aSuppressedAddressKeepsItsFirstReasonAndIsFoundInAnyCase() {
        String to = fresh();
        assertFalse(mail.isSuppressed(to));

        mail.suppress(to.toUpperCase(), "bounce-permanent", AT);
        mail.suppress(to, "complaint", AT.plusSeconds(60));

        var suppression = mail.suppression(to).orElseThrow();
        assertEquals("bounce-permanent", suppression.reason());
        assertEquals(AT, suppression.at());
        assertTrue(mail.isSuppressed(" " + to.toUpperCase() + " "));
    }

    @Test
    void theHourlyCounterRefusesTheMailPastTheLimitAndCountsARetryOnce() {
        String to = fresh();

        assertTrue(mail.countWithinHourlyLimit(to, "m1", AT, 2));
        assertTrue(mail.countWithinHourlyLimit(to, "m1", AT, 2), "a retry of m1 answers as before");
        assertTrue(mail.countWithinHourlyLimit(to, "m2", AT, 2));
        assertTrue(mail.countWithinHourlyLimit(to, "m2", AT, 2), "so does a retry of the last one within it");
        assertFalse(mail.countWithinHourlyLimit(to, "m3", AT, 2), "the third in the hour");
        assertEquals(2, mail.countInHour(to, AT));

        assertTrue(mail.countWithinHourlyLimit(to, "m3", AT.plusSeconds(1), 2), "11:00: a new hour");
        assertEquals(1, mail.countInHour(to, AT.plusSeconds(1)));
    }
}
