package nl.vioms.sladesk.aws.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.reports.ReportsRepository.MonthVersion;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stored record of one version, as the reseller portal reads it (issue 18), with the portal's table name. */
@ExtendWith(AwsEmulators.class)
class ReportsDocumentTest {
    private static final YearMonth AUGUST = YearMonth.of(2026, 8);

    private static ReportsRepository reports;

    @BeforeAll
    static void setUp(LocalAws aws) {
        reports = new ReportsRepository(
                aws.clients().dynamo(), aws.environmentOf("PortalFunction").require(EnvVar.REPORTS_TABLE));
    }

    @Test
    void aVersionsDocumentIsReadByItsKeyAndAnUnstoredOneIsAbsent() {
        String document = "{\"report\":{\"customerName\":\"Café De Zwaan\",\"resellerId\":\"telnet\"}}";
        reports.putVersion(new MonthVersion(
                "doc-zwaan",
                AUGUST,
                2,
                "hash",
                Instant.parse("2026-09-01T00:06:00Z"),
                "default",
                "default#abc",
                new TreeMap<>(Map.of("credit.amount", "0.00")),
                List.of(),
                document,
                Map.of()));

        assertEquals(Optional.of(document), reports.document("doc-zwaan", AUGUST, 2));
        assertEquals(Optional.empty(), reports.document("doc-zwaan", AUGUST, 1), "another version");
        assertEquals(Optional.empty(), reports.document("doc-zwaan", AUGUST.plusMonths(1), 2), "another month");
        assertEquals(Optional.empty(), reports.document("nobody", AUGUST, 2));
    }
}
