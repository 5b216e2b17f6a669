package nl.vioms.sladesk.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R24: an open end is {@link ValidityPeriod#OPEN} (LocalDate.MAX) and behaves as the old null end did. */
class ValidityPeriodTest {

    private static final LocalDate JAN_2026 = LocalDate.of(2026, 1, 1);

    @Test
    void absentValidToReadsAsOpenEndR24() {
        // the default policy has no validTo; PolicyJson.twoVersions writes an explicit JSON null
        ValidityPeriod shipped = PolicyLoader.loadDefault().policies().get(0).validity();
        assertTrue(shipped.isOpenEnded());
        assertEquals(LocalDate.MAX, shipped.validTo());
        ValidityPeriod v2026 = PolicyJson.load(PolicyJson.twoVersions())
                .policyFor(YearMonth.of(2026, 3))
                .validity();
        assertEquals(ValidityPeriod.from(JAN_2026), v2026);
        assertEquals("[2026-01-01, open)", v2026.toString(), "text output as with a null end");
    }

    @Test
    void openEndContainsEveryLaterDateIncludingTheLast() {
        ValidityPeriod open = ValidityPeriod.from(JAN_2026);
        assertFalse(open.contains(JAN_2026.minusDays(1)));
        assertTrue(open.contains(JAN_2026));
        assertTrue(open.contains(LocalDate.of(9999, 12, 31)));
        assertTrue(open.contains(LocalDate.MAX), "as the null end did: no date is past an open end");
    }

    @Test
    void closedEndIsExclusiveAndPrintedAsDate() {
        ValidityPeriod closed = new ValidityPeriod(LocalDate.of(2025, 1, 1), JAN_2026);
        assertFalse(closed.isOpenEnded());
        assertTrue(closed.contains(JAN_2026.minusDays(1)));
        assertFalse(closed.contains(JAN_2026));
        assertEquals("[2025-01-01, 2026-01-01)", closed.toString());
    }

    @Test
    void overlapsWithOpenEnds() {
        ValidityPeriod closed = new ValidityPeriod(LocalDate.of(2025, 1, 1), JAN_2026);
        assertFalse(closed.overlaps(ValidityPeriod.from(JAN_2026)), "adjacent: validTo is exclusive");
        assertTrue(closed.overlaps(ValidityPeriod.from(JAN_2026.minusDays(1))));
        assertTrue(ValidityPeriod.from(JAN_2026).overlaps(ValidityPeriod.from(LocalDate.of(2030, 1, 1))));
    }

    @Test
    void twoOpenVersionsOverlapReportedWithOpenInTheMessage() {
        String json = PolicyJson.twoVersions().replace("\"validTo\":\"2026-01-01\"", "\"validTo\":null");
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyJson.load(json));
        List<PolicyFinding> errors =
                e.findings().stream().filter(PolicyFinding::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(
                errors.get(0).message().startsWith("validity [2025-01-01, open) overlaps v2026 [2026-01-01, open)"),
                errors.get(0).message());
    }

    @Test
    void nullEndIsRefused() {
        assertThrows(NullPointerException.class, () -> new ValidityPeriod(JAN_2026, null));
    }
}
