package nl.vioms.sladesk.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import nl.vioms.sladesk.core.calendar.HolidaySettings;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {

    private static final Duration H2 = Duration.ofHours(2);
    private static final Duration H3 = Duration.ofHours(3);
    private static final Duration H4 = Duration.ofHours(4);
    private static final Duration H8 = Duration.ofHours(8);

    private final SlaPolicy policy = PolicyLoader.loadDefault().policyOn(LocalDate.of(2026, 11, 1));

    // R5 table, R14 decision: P1/P2 response and restore from the level row; start work P1 2h, P2 8h.
    @Test
    void levelAIs24x7PhoneGated2h8h() {
        LevelTerms a = policy.terms(SlaLevel.A, ServiceKind.HOSTED_PBX);
        assertEquals(WindowKind.ALWAYS, a.window());
        assertEquals(ContractType.TWENTY_FOUR_SEVEN, a.contract());
        assertEquals(0, new BigDecimal("99.90").compareTo(a.availabilityKpi()));
        assertTrue(a.phoneGatedOutOfHours(), "R7");
        assertEquals(new Targets(H2, H2, H8), a.targetsFor(Priority.P1));
        assertEquals(new Targets(H2, H8, H8), a.targetsFor(Priority.P2));
        assertEquals(Targets.NONE, a.targetsFor(Priority.P3), "P3 has only the R12 acknowledgement");
        assertEquals(Duration.ofHours(24), a.acknowledge(), "R12");
        assertTrue(a.availabilityCredit());
    }

    @Test
    void levelNOfficeHours4h8h() {
        LevelTerms n = policy.terms(SlaLevel.N, ServiceKind.SIP_TRUNK);
        assertEquals(WindowKind.OFFICE_HOURS, n.window());
        assertEquals(ContractType.OFFICE_HOURS, n.contract());
        assertEquals(0, new BigDecimal("99.6").compareTo(n.availabilityKpi()));
        assertFalse(n.phoneGatedOutOfHours());
        assertEquals(new Targets(H4, H2, H8), n.targetsFor(Priority.P1));
        assertEquals(new Targets(H4, H8, H8), n.targetsFor(Priority.P2));
    }

    @Test
    void levelBBestEffortRestoreButHostedPbxOverrideR15() {
        LevelTerms b = policy.terms(SlaLevel.B, ServiceKind.SIP_TRUNK);
        assertEquals(0, new BigDecimal("95").compareTo(b.availabilityKpi()));
        assertEquals(new Targets(Duration.ofHours(8), H2, null), b.targetsFor(Priority.P1));
        LevelTerms pbx = policy.terms(SlaLevel.B, ServiceKind.HOSTED_PBX);
        assertEquals(new Targets(H4, H2, H8), pbx.targetsFor(Priority.P1));
        assertEquals(new Targets(H4, H8, H8), pbx.targetsFor(Priority.P2));
        assertEquals(WindowKind.OFFICE_HOURS, pbx.window());
    }

    @Test
    void hospitalityLevels() {
        LevelTerms ha = policy.terms(SlaLevel.HA, ServiceKind.HOSTED_PBX);
        assertEquals(ContractType.TWENTY_FOUR_SEVEN, ha.contract());
        assertTrue(ha.phoneGatedOutOfHours(), "R7 applies to HA too");
        assertEquals(new Targets(H2, H2, H8), ha.targetsFor(Priority.P1));

        LevelTerms hs = policy.terms(SlaLevel.HS, ServiceKind.HOSTED_PBX);
        assertEquals(WindowKind.DAILY_12_TO_21, hs.window());
        assertEquals(ContractType.OFFICE_HOURS, hs.contract());
        assertEquals(0, new BigDecimal("99.75").compareTo(hs.availabilityKpi()));
        assertEquals(new Targets(H3, H2, H8), hs.targetsFor(Priority.P1));

        LevelTerms hn = policy.terms(SlaLevel.HN, ServiceKind.HOSTED_PBX);
        assertEquals(WindowKind.OFFICE_HOURS_AND_WEEKEND_12_TO_20, hn.window());
        assertEquals(new Targets(H4, H8, H8), hn.targetsFor(Priority.P2));

        LevelTerms hb = policy.terms(SlaLevel.HB, ServiceKind.HOSTED_PBX);
        assertEquals(0, new BigDecimal("95.00").compareTo(hb.availabilityKpi()));
        assertEquals(new Targets(Duration.ofHours(8), H8, null), hb.targetsFor(Priority.P2));
    }

    @Test
    void connectivityAndMobileTimedButNoCreditR2() {
        LevelTerms conn = policy.terms(SlaLevel.N, ServiceKind.CONNECTIVITY);
        assertFalse(conn.availabilityCredit());
        assertEquals(new Targets(H4, H2, H8), conn.targetsFor(Priority.P1), "still timed");
        assertFalse(policy.terms(SlaLevel.A, ServiceKind.MOBILE).availabilityCredit());
    }

    @Test
    void defaultPolicySettings() {
        assertEquals(HolidaySettings.DEFAULT, policy.holidays());
        CreditPolicy credit = policy.credit();
        assertEquals(0, new BigDecimal("99.6").compareTo(credit.threshold()));
        assertEquals(0, BigDecimal.ONE.compareTo(credit.step()));
        assertEquals(0, new BigDecimal("5").compareTo(credit.percentPerStep()));
        assertEquals(0, new BigDecimal("60").compareTo(credit.capPercentOfFixedCosts()));
        assertEquals(CreditRounding.WHOLE, credit.rounding());
        assertNull(credit.restoreBreachCompensation(), "no amount per restore-time breach by default (issue 20)");
        assertTrue(policy.availability().unknownCountsAsAvailable(), "R20");
        assertEquals(Duration.ofHours(24), policy.availability().minimumNotice(), "R19");
        assertEquals(
                List.of(new RegularServiceWindow(
                        Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(1, 0), LocalTime.of(5, 0))),
                policy.availability().regularServiceWindows());
        // R14 kept as written (R15)
        assertEquals(
                H4,
                policy.contractTargetsAsWritten()
                        .get(ContractType.TWENTY_FOUR_SEVEN)
                        .get(Priority.P2)
                        .restore());
        assertNull(policy.contractTargetsAsWritten()
                .get(ContractType.OFFICE_HOURS)
                .get(Priority.P2)
                .restore());
    }

    @Test
    void defaultPolicyHasOnlyTheKnownR15Warnings() {
        List<PolicyFinding> warnings = PolicyLoader.loadDefault().warnings();
        // 24x7 P2 restore, hosted-pbx B P1 and P2 override
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().noneMatch(PolicyFinding::isError));
    }

    @Test
    void policyPickedByDateAcrossTwoValidityPeriodsR24() {
        PolicySet set = PolicyJson.load(PolicyJson.twoVersions());
        assertEquals("v2025", set.policyOn(LocalDate.of(2025, 12, 31)).id());
        assertEquals("v2026", set.policyOn(LocalDate.of(2026, 1, 1)).id(), "validFrom is inclusive");
        assertEquals("v2025", set.policyFor(YearMonth.of(2025, 6)).id());
        assertEquals("v2026", set.policyFor(YearMonth.of(2026, 3)).id());
        // the two versions differ in their threshold
        assertEquals(
                0,
                new BigDecimal("99.5")
                        .compareTo(set.policyFor(YearMonth.of(2025, 6)).credit().threshold()));
        assertThrows(NoSuchElementException.class, () -> set.policyOn(LocalDate.of(2024, 12, 31)));
    }

    @Test
    void policyStartingMidMonthAppliesFromNextMonth() {
        String json = PolicyJson.twoVersions().replace("\"2026-01-01\"", "\"2026-01-15\"");
        PolicySet set = PolicyJson.load(json);
        assertEquals("v2025", set.policyFor(YearMonth.of(2026, 1)).id());
        assertEquals("v2026", set.policyOn(LocalDate.of(2026, 1, 15)).id());
    }
}
