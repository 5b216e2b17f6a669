package nl.vioms.sladesk.core.monthend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.time.Amsterdam;
import org.junit.jupiter.api.Test;

/** A contract's month without emulators: which service decides the credit (R2, R25), open outages. */
class MonthEndCalculatorTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11); // 30 x 1440 = 43 200 min, no DST change
    private static final Instant RUN = at("2026-12-01T00:05");

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(Amsterdam.ZONE).toInstant();
    }

    private static Customer customer(ServiceRef... services) {
        return customer(null, services);
    }

    private static Customer customer(LocalDate contractStart, ServiceRef... services) {
        return new Customer(
                "c1",
                "r1",
                "Klant",
                SlaLevel.N,
                List.of(services),
                new BigDecimal("100.00"),
                new BigDecimal("100.00"),
                Set.of(),
                Set.of(),
                Set.of(),
                "nl",
                contractStart);
    }

    private static ServiceRecords outages(Outage... outages) {
        return new ServiceRecords(List.of(outages), List.of(), List.of(), List.of());
    }

    @Test
    void theCreditFollowsTheCreditCarryingServiceWithTheMostDownTimeNeverAResoldOne() {
        // mobile (R2: no credit) down 10 h, trunk down 7 h 12 min = 432 min, PBX down 60 min:
        // the trunk decides: 42 768 / 43 200 = 99.0000 %, 0.6 points below 99.6 -> whole: 0 steps
        var mobile = new ServiceRef("mob", ServiceKind.MOBILE, "Mobiel");
        var trunk = new ServiceRef("trunk", ServiceKind.SIP_TRUNK, "Trunk");
        var pbx = new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "PBX");
        var month = MonthEndCalculator.compute(
                customer(pbx, mobile, trunk),
                NOVEMBER,
                PolicyLoader.loadDefault().policyFor(NOVEMBER),
                Map.of(
                        "mob",
                        outages(new Outage(
                                "customer:c1:mob",
                                "p",
                                at("2026-11-10T08:00"),
                                at("2026-11-10T08:04"),
                                at("2026-11-10T18:00"),
                                null)),
                        "trunk",
                        outages(new Outage(
                                "customer:c1:trunk",
                                "p",
                                at("2026-11-11T08:00"),
                                at("2026-11-11T08:04"),
                                at("2026-11-11T15:12"),
                                null)),
                        "pbx",
                        outages(new Outage(
                                "platform:hosted",
                                "p",
                                at("2026-11-12T08:00"),
                                at("2026-11-12T08:04"),
                                at("2026-11-12T09:00"),
                                null))),
                Map.of(),
                List.of(),
                RUN);
        assertEquals("trunk", month.credit().basisServiceId());
        assertEquals(new BigDecimal("99.0000"), month.headlineAvailability());
        assertEquals(new BigDecimal("0.6"), month.credit().applied().pointsBelow());
        assertEquals(
                new BigDecimal("3.00"),
                month.credit().byRounding().get("prorata").amount(),
                "0.6 x 5 % of 100.00");
    }

    @Test
    void aContractWithOnlyResoldServicesHasNoCreditBasis() {
        var month = MonthEndCalculator.compute(
                customer(new ServiceRef("mob", ServiceKind.MOBILE, "Mobiel")),
                NOVEMBER,
                PolicyLoader.loadDefault().policyFor(NOVEMBER),
                Map.of(),
                Map.of(),
                List.of(),
                RUN);
        assertNull(month.credit().basisServiceId());
        assertEquals(new BigDecimal("0.00"), month.credit().applied().amount());
    }

    @Test
    void anOutageStillOpenAtTheRunCountsUntilTheMonthEnds() {
        // open since Mon 30 Nov 23:00, the run is on 1 Dec: 60 min of November
        var pbx = new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "PBX");
        var month = MonthEndCalculator.compute(
                customer(pbx),
                NOVEMBER,
                PolicyLoader.loadDefault().policyFor(NOVEMBER),
                Map.of(
                        "pbx",
                        outages(new Outage(
                                "platform:hosted", "p", at("2026-11-30T23:00"), at("2026-11-30T23:04"), null, null))),
                Map.of(),
                List.of(),
                RUN);
        assertEquals(new BigDecimal("60"), month.services().get(0).downMinutes());
        assertNull(month.services().get(0).outages().get(0).end(), "shown as still open");
    }

    private static ContractMonth november(Customer customer, Map<String, ServiceRecords> records) {
        return MonthEndCalculator.compute(
                customer, NOVEMBER, PolicyLoader.loadDefault().policyFor(NOVEMBER), records, Map.of(), List.of(), RUN);
    }

    private static Outage outage(String from, String to) {
        return new Outage("platform:hosted", "p", at(from), at(from).plusSeconds(240), at(to), null);
    }

    @Test
    void aPartialFirstMonthIsMeasuredFromTheContractStart() {
        // R18: start Mon 9 Nov 00:00 Amsterdam -> 9..30 Nov = 22 days x 1440 = 31 680 min total.
        // An outage Tue 10 Nov 10:00-13:10 = 190 min down: (31 680 - 190) / 31 680 = 99.40025 % -> 99.4003,
        // below N's 99.60 (over the whole month it would be 43 010 / 43 200 = 99.5602 %).
        // Whole points below: 99.6 - 99.40025 = 0.19975 -> 0 steps, no credit in the default mode;
        // pro rata: 0.19975... x 5 % of 100.00 = 1.00 (0.998737 rounded to cents).
        var pbx = new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "PBX");
        var month = november(
                customer(LocalDate.of(2026, 11, 9), pbx),
                Map.of("pbx", outages(outage("2026-11-10T10:00", "2026-11-10T13:10"))));
        var s = month.services().get(0);
        assertEquals(ContractMonth.ServiceMonth.PARTIAL, s.data());
        assertEquals("2026-11-09T00:00:00+01:00", s.measuredFrom());
        assertEquals(new BigDecimal("31680"), s.totalMinutes());
        assertEquals(new BigDecimal("190"), s.downMinutes());
        assertEquals(new BigDecimal("99.4003"), s.availability());
        assertEquals(Boolean.FALSE, s.kpiMet());
        assertTrue(s.rules().contains("R18"), s.rules().toString());
        assertEquals(new BigDecimal("0.00"), month.credit().applied().amount(), "whole points: 0 steps");
        assertEquals(
                new BigDecimal("1.00"),
                month.credit().byRounding().get("prorata").amount());
    }

    @Test
    void aMonthBeforeTheContractStartHasNoDataNoVerdictAndNoCredit() {
        // starts 1 Dec: November is wholly before delivery (R18), whatever monitoring recorded
        var pbx = new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "PBX");
        var month = november(
                customer(LocalDate.of(2026, 12, 1), pbx),
                Map.of("pbx", outages(outage("2026-11-10T10:00", "2026-11-12T10:00"))));
        var s = month.services().get(0);
        assertEquals(ContractMonth.ServiceMonth.NO_DATA, s.data());
        assertFalse(s.hasData());
        assertNull(s.availability());
        assertNull(s.kpiMet());
        assertFalse(s.creditApplies());
        assertNull(month.credit().basisServiceId());
        assertEquals(new BigDecimal("0.00"), month.credit().applied().amount());
        assertTrue(month.credit().reason().contains("R18"), month.credit().reason());
        assertNull(month.headlineAvailability());
        assertEquals("null", month.figures().get("service.pbx.availability"));
    }

    @Test
    void aServiceWithNoRecordAtAllHasNoDataButACheckedQuietMonthIsMeasured() {
        // nothing recorded and no check result: not 100 %, no data
        var pbx = new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "PBX");
        var empty = november(customer(pbx), Map.of());
        assertEquals(ContractMonth.ServiceMonth.NO_DATA, empty.services().get(0).data());
        assertNull(empty.services().get(0).availability());
        // a probe checked it and nothing failed: 43 200 / 43 200 = 100 %
        var quiet = november(
                customer(pbx), Map.of("pbx", new ServiceRecords(List.of(), List.of(), List.of(), List.of(), true)));
        var s = quiet.services().get(0);
        assertEquals(ContractMonth.ServiceMonth.MEASURED, s.data());
        assertEquals("2026-11-01T00:00:00+01:00", s.measuredFrom());
        assertEquals(new BigDecimal("100.0000"), s.availability());
        assertEquals(Boolean.TRUE, s.kpiMet());
    }

    @Test
    void aContractStartBeforeTheMonthMeasuresTheWholeMonth() {
        // started 1 Mar 2026: November is whole, 43 200 min; 432 min down -> 42 768 / 43 200 = 99.0000 %
        var pbx = new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "PBX");
        var month = november(
                customer(LocalDate.of(2026, 3, 1), pbx),
                Map.of("pbx", outages(outage("2026-11-11T08:00", "2026-11-11T15:12"))));
        var s = month.services().get(0);
        assertEquals(ContractMonth.ServiceMonth.MEASURED, s.data());
        assertEquals(new BigDecimal("43200"), s.totalMinutes());
        assertEquals(new BigDecimal("99.0000"), s.availability());
    }
}
