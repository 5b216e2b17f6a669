package nl.vioms.sladesk.core.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import nl.vioms.sladesk.core.policy.ContractType;
import nl.vioms.sladesk.core.policy.LevelTerms;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.policy.SlaPolicy;
import nl.vioms.sladesk.core.policy.Targets;
import nl.vioms.sladesk.core.policy.WindowKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The terms the clock tests run on ({@link TestLevels}) come from the shipped default policy. This
 * test pins the shipped policy, for every level and every kind of service, to the terms written
 * out here by hand from the rules:
 * <ul>
 *   <li>R5: window, availability KPI, response and restore of P1 and P2 (B/HB restore best effort);</li>
 *   <li>R14 decision: A and HA are 24x7 contracts, the rest office-hours contracts; start work
 *       P1 2 h, P2 8 h; P3 has no targets;</li>
 *   <li>R15: hosted PBX on level B: response 4 h, restore 8 h (office hours), for P1 and P2;</li>
 *   <li>R7: the phone gate on A and HA; R12: acknowledge 24 clock hours;</li>
 *   <li>R2: connectivity and mobile carry no availability credit.</li>
 * </ul>
 */
class DefaultPolicyTermsTest {

    private static final Duration H2 = Duration.ofHours(2);
    private static final Duration H8 = Duration.ofHours(8);

    private static LevelTerms expected(SlaLevel level, ServiceKind kind) {
        boolean credit = kind == ServiceKind.HOSTED_PBX || kind == ServiceKind.SIP_TRUNK; // R2
        if (level == SlaLevel.B && kind == ServiceKind.HOSTED_PBX) { // R15
            return level(level, kind, WindowKind.OFFICE_HOURS, ContractType.OFFICE_HOURS, "95.00", 4, 8, false, credit);
        }
        return switch (level) {
            case A ->
                level(level, kind, WindowKind.ALWAYS, ContractType.TWENTY_FOUR_SEVEN, "99.90", 2, 8, true, credit);
            case N ->
                level(level, kind, WindowKind.OFFICE_HOURS, ContractType.OFFICE_HOURS, "99.60", 4, 8, false, credit);
            case B ->
                level(level, kind, WindowKind.OFFICE_HOURS, ContractType.OFFICE_HOURS, "95.00", 8, null, false, credit);
            case HA ->
                level(level, kind, WindowKind.ALWAYS, ContractType.TWENTY_FOUR_SEVEN, "99.90", 2, 8, true, credit);
            case HS ->
                level(level, kind, WindowKind.DAILY_12_TO_21, ContractType.OFFICE_HOURS, "99.75", 3, 8, false, credit);
            case HN ->
                level(
                        level,
                        kind,
                        WindowKind.OFFICE_HOURS_AND_WEEKEND_12_TO_20,
                        ContractType.OFFICE_HOURS,
                        "99.60",
                        4,
                        8,
                        false,
                        credit);
            case HB ->
                level(level, kind, WindowKind.OFFICE_HOURS, ContractType.OFFICE_HOURS, "95.00", 8, null, false, credit);
        };
    }

    private static LevelTerms level(
            SlaLevel level,
            ServiceKind kind,
            WindowKind window,
            ContractType contract,
            String kpi,
            int responseHours,
            Integer restoreHours,
            boolean phoneGated,
            boolean credit) {
        Duration restore = restoreHours == null ? null : Duration.ofHours(restoreHours);
        Map<Priority, Targets> targets = Map.of(
                Priority.P1, new Targets(Duration.ofHours(responseHours), H2, restore),
                Priority.P2, new Targets(Duration.ofHours(responseHours), H8, restore));
        return new LevelTerms(
                level, kind, window, contract, new BigDecimal(kpi), targets, Duration.ofHours(24), phoneGated, credit);
    }

    @ParameterizedTest(name = "level {0}: every kind of service")
    @EnumSource(SlaLevel.class)
    void shippedPolicyYieldsTheHandWrittenTerms(SlaLevel level) {
        SlaPolicy policy = PolicyLoader.loadDefault().policyOn(LocalDate.of(2026, 1, 1));
        for (ServiceKind kind : ServiceKind.values()) {
            LevelTerms shipped = policy.terms(level, kind);
            LevelTerms want = expected(level, kind);
            // KPIs compared by value: 99.6 and 99.60 are the same norm
            assertEquals(0, want.availabilityKpi().compareTo(shipped.availabilityKpi()), level + "/" + kind + " KPI");
            assertEquals(
                    want,
                    new LevelTerms(
                            shipped.level(),
                            shipped.serviceKind(),
                            shipped.window(),
                            shipped.contract(),
                            want.availabilityKpi(),
                            shipped.targets(),
                            shipped.acknowledge(),
                            shipped.phoneGatedOutOfHours(),
                            shipped.availabilityCredit()),
                    level + "/" + kind);
            assertEquals(Targets.NONE, shipped.targetsFor(Priority.P3), level + "/" + kind + " P3 (R14: R12 only)");
        }
    }

    @ParameterizedTest(name = "level {0}")
    @EnumSource(SlaLevel.class)
    void clockTestsRunOnTheShippedTerms(SlaLevel level) {
        // what SlaClocksTest uses is the policy's level row, and equals the hand-written R5 row
        assertEquals(
                expected(level, ServiceKind.SIP_TRUNK).targets(),
                TestLevels.terms(level).targets());
        assertEquals(
                expected(level, ServiceKind.SIP_TRUNK).window(),
                TestLevels.terms(level).window());
        assertEquals(
                expected(level, ServiceKind.SIP_TRUNK).phoneGatedOutOfHours(),
                TestLevels.terms(level).phoneGatedOutOfHours());
    }
}
