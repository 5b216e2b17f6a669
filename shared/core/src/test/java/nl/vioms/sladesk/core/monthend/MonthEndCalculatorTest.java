package nl.vioms.sladesk.core.monthend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
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
                Set.of());
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
}
