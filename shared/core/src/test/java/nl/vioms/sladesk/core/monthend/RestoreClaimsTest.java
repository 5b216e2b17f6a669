package nl.vioms.sladesk.core.monthend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.time.Amsterdam;
import org.junit.jupiter.api.Test;

/** Restore-time breaches as claims for finance (issue 20), never part of the availability credit (R25). */
class RestoreClaimsTest {
    private static final Instant MONTH_END = at("2026-12-01T00:00");

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(Amsterdam.ZONE).toInstant();
    }

    private static TicketLine line(
            String number, String priority, String restoreDue, String resolvedAt, String restore) {
        return new TicketLine(
                number,
                priority,
                "Storing",
                "pbx",
                "2026-11-10T10:00:00+01:00",
                null,
                null,
                TicketLine.MET,
                restoreDue,
                resolvedAt,
                restore);
    }

    private static final List<TicketLine> LINES = List.of(
            // due Tue 10 Nov 15:30, resolved Wed 11 Nov 09:15: 8 h 30 + 9 h 15 = 17 h 45 = 17.75 h late
            line(
                    "VIO-2026-000001",
                    "P2",
                    "2026-11-10T15:30:00+01:00",
                    "2026-11-11T09:15:00+01:00",
                    TicketLine.BREACHED),
            // met: no claim
            line("VIO-2026-000002", "P2", "2026-11-12T15:30:00+01:00", "2026-11-12T11:00:00+01:00", TicketLine.MET),
            // due Mon 30 Nov 20:00, still open at the run: late until the month's end, 1 Dec 00:00 = 4.00 h
            line("VIO-2026-000003", "P1", "2026-11-30T20:00:00+01:00", null, TicketLine.BREACHED));

    @Test
    void eachBreachedRestoreIsAClaimWithItsHoursLateAndThePolicysAmount() {
        RestoreClaims claims = RestoreClaims.of(LINES, new BigDecimal("25"), MONTH_END);
        assertEquals(2, claims.count());
        assertEquals(new BigDecimal("25.00"), claims.amountPerBreach());
        assertEquals(new BigDecimal("50.00"), claims.total(), "2 x 25.00");
        var first = claims.claims().get(0);
        assertEquals("VIO-2026-000001", first.number());
        assertEquals("P2", first.priority());
        assertEquals(new BigDecimal("17.75"), first.hoursLate());
        assertFalse(first.stillOpen());
        var open = claims.claims().get(1);
        assertEquals("VIO-2026-000003", open.number());
        assertTrue(open.stillOpen());
        assertNull(open.resolvedAt());
        assertEquals(new BigDecimal("4.00"), open.hoursLate());
        assertEquals(new BigDecimal("25"), open.amount());
    }

    @Test
    void withoutAnAmountInThePolicyTheClaimsAreListedWithoutOne() {
        RestoreClaims claims = RestoreClaims.of(LINES, null, MONTH_END);
        assertEquals(2, claims.count());
        assertNull(claims.amountPerBreach());
        assertNull(claims.total());
        assertNull(claims.claims().get(0).amount());
    }

    @Test
    void theDefaultPolicyListsClaimsButLeavesTheAvailabilityCreditAlone() {
        YearMonth november = YearMonth.of(2026, 11);
        var customer = new Customer(
                "c1",
                "r1",
                "Klant",
                SlaLevel.N,
                List.of(new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "PBX")),
                new BigDecimal("100.00"),
                new BigDecimal("100.00"),
                Set.of(),
                Set.of(),
                Set.of());
        var month = MonthEndCalculator.compute(
                customer,
                november,
                PolicyLoader.loadDefault().policyFor(november),
                Map.of("pbx", new ServiceRecords(List.of(), List.of(), List.of(), List.of(), true)),
                Map.of(),
                LINES,
                MONTH_END.plusSeconds(300));
        assertEquals(2, month.restoreClaims().count());
        assertNull(month.restoreClaims().total(), "the default policy sets no amount");
        assertEquals(new BigDecimal("0.00"), month.credit().applied().amount(), "100 %: no credit (R25)");
        assertEquals("2", month.figures().get("restoreClaims.count"));
    }
}
