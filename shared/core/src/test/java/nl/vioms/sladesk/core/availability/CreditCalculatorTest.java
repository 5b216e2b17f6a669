package nl.vioms.sladesk.core.availability;

import static nl.vioms.sladesk.core.availability.AvailabilityCalculatorTest.ams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import nl.vioms.sladesk.core.policy.CreditPolicy;
import nl.vioms.sladesk.core.policy.CreditRounding;
import nl.vioms.sladesk.core.policy.LevelTerms;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.policy.SlaPolicy;
import nl.vioms.sladesk.core.time.Interval;
import org.junit.jupiter.api.Test;

/**
 * R25 credits, worked by hand. November 2026 has 43200 min (2 592 000 s). Every outage starts on
 * Monday 2 Nov 00:00 Amsterdam, clear of the weekend service windows.
 * <ul>
 *   <li>98.7 %: down 1.3 % of 43200 = 561.6 min = 33 696 s; 99.6 - 98.7 = 0.9 points</li>
 *   <li>97.5 %: down 2.5 % of 43200 = 1080 min = 18 h; 99.6 - 97.5 = 2.1 points</li>
 *   <li>99.6 %: down 0.4 % of 43200 = 172.8 min = 10 368 s; 0 points</li>
 * </ul>
 */
class CreditCalculatorTest {

    static final YearMonth NOV = YearMonth.of(2026, 11);
    static final SlaPolicy POLICY = PolicyLoader.loadDefault().policyFor(NOV);
    static final LevelTerms PBX_N = POLICY.terms(SlaLevel.N, ServiceKind.HOSTED_PBX);
    static final BigDecimal FEE = new BigDecimal("200.00");
    static final BigDecimal FIXED = new BigDecimal("1000.00");

    static AvailabilityResult novemberWithDown(long seconds) {
        Instant start = ams("2026-11-02T00:00");
        return AvailabilityCalculator.calculate(
                AvailabilityInput.forMonth(NOV)
                        .outage(new Interval(start, start.plusSeconds(seconds)))
                        .build(),
                POLICY.availability());
    }

    static CreditResult credit(long downSeconds, CreditRounding rounding, BigDecimal fee, BigDecimal fixed) {
        CreditPolicy p = POLICY.credit().withRounding(rounding);
        return CreditCalculator.calculate(novemberWithDown(downSeconds), p, PBX_N, fee, fixed);
    }

    static void assertNumber(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    // ---- R25's examples ----

    @Test
    void at98Point7WholeNoCredit() {
        // 0.9 points, whole points: floor(0.9) = 0 -> 0 % -> 0.00
        CreditResult r = credit(33_696, CreditRounding.WHOLE, FEE, FIXED);
        assertNumber("98.7", r.availability());
        assertEquals(new BigDecimal("98.7000"), r.availabilityDisplayed());
        assertNumber("0.9", r.pointsBelow());
        assertNumber("0", r.steps());
        assertEquals(new BigDecimal("0.00"), r.amount());
        assertFalse(r.hasCredit());
    }

    @Test
    void at98Point7StartedOneStep() {
        // ceil(0.9) = 1 step -> 5 % of 200.00 = 10.00
        CreditResult r = credit(33_696, CreditRounding.STARTED, FEE, FIXED);
        assertNumber("1", r.steps());
        assertNumber("5", r.creditPercent());
        assertEquals(new BigDecimal("10.00"), r.amount());
    }

    @Test
    void at98Point7Prorata() {
        // 0.9 steps * 5 % = 4.5 % of 200.00 = 9.00
        CreditResult r = credit(33_696, CreditRounding.PRORATA, FEE, FIXED);
        assertNumber("0.9", r.steps());
        assertNumber("4.5", r.creditPercent());
        assertEquals(new BigDecimal("9.00"), r.amount());
    }

    @Test
    void at97Point5WholeTwoPoints() {
        // floor(2.1) = 2 -> 10 % of 200.00 = 20.00 (R25's example)
        CreditResult r = credit(18 * 3600, CreditRounding.WHOLE, FEE, FIXED);
        assertNumber("97.5", r.availability());
        assertNumber("2.1", r.pointsBelow());
        assertNumber("2", r.steps());
        assertNumber("10", r.creditPercent());
        assertEquals(new BigDecimal("20.00"), r.uncappedAmount());
        assertEquals(new BigDecimal("20.00"), r.amount());
        assertFalse(r.capped());
    }

    @Test
    void at97Point5StartedThreeSteps() {
        // ceil(2.1) = 3 -> 15 % of 200.00 = 30.00
        CreditResult r = credit(18 * 3600, CreditRounding.STARTED, FEE, FIXED);
        assertNumber("3", r.steps());
        assertEquals(new BigDecimal("30.00"), r.amount());
    }

    @Test
    void at97Point5Prorata() {
        // 2.1 * 5 % = 10.5 % of 200.00 = 21.00
        CreditResult r = credit(18 * 3600, CreditRounding.PRORATA, FEE, FIXED);
        assertNumber("10.5", r.creditPercent());
        assertEquals(new BigDecimal("21.00"), r.amount());
    }

    @Test
    void cap60PercentOfFixedCosts() {
        // 97.5 %, whole: 10 % of fee 1000 = 100.00; cap 60 % of fixed costs 100 = 60.00 -> 60.00
        CreditResult r = credit(18 * 3600, CreditRounding.WHOLE, new BigDecimal("1000"), new BigDecimal("100"));
        assertEquals(new BigDecimal("100.00"), r.uncappedAmount());
        assertEquals(new BigDecimal("60.00"), r.cap());
        assertEquals(new BigDecimal("60.00"), r.amount());
        assertTrue(r.capped());
        assertTrue(
                r.explanation().get(r.explanation().size() - 1).contains("capped"),
                r.explanation().toString());
    }

    // ---- edges ----

    @Test
    void exactlyAtThresholdNoCreditEvenWhenCountingStartedPoints() {
        // 10 368 s down -> exactly 99.6 %: not below
        CreditResult r = credit(10_368, CreditRounding.STARTED, FEE, FIXED);
        assertNumber("99.6", r.availability());
        assertNumber("0", r.pointsBelow());
        assertEquals(new BigDecimal("0.00"), r.amount());
    }

    @Test
    void oneSecondBelowThresholdUsesExactRatioNotDisplayFigure() {
        // 10 369 s down: 1 s more than 99.6 %, i.e. 100 / 2 592 000 = 0.0000385802469... points below.
        // Displayed: 99.5999614... -> 99.6000 (HALF_UP, 4 decimals), but the credit uses the exact
        // ratio: started -> 1 step -> 5 % of 200.00 = 10.00 (documented decision)
        CreditResult r = credit(10_369, CreditRounding.STARTED, FEE, FIXED);
        assertEquals(new BigDecimal("99.6000"), r.availabilityDisplayed());
        assertEquals(new BigDecimal("0.0000385802"), r.pointsBelow());
        assertEquals(new BigDecimal("10.00"), r.amount());
        // and whole points: nothing
        assertEquals(
                new BigDecimal("0.00"),
                credit(10_369, CreditRounding.WHOLE, FEE, FIXED).amount());
    }

    @Test
    void noCreditForConnectivityR2() {
        // 97.5 % would give 20.00, but connectivity follows its supplier's SLA
        LevelTerms conn = POLICY.terms(SlaLevel.N, ServiceKind.CONNECTIVITY);
        CreditResult r = CreditCalculator.calculate(novemberWithDown(18 * 3600), POLICY.credit(), conn, FEE, FIXED);
        assertFalse(r.creditApplies());
        assertEquals(new BigDecimal("0.00"), r.amount());
        assertTrue(r.explanation().get(0).contains("R2"));
    }

    @Test
    void excludedTimeCreatesNoCreditR26() {
        // the same 18 h outage under force majeure: excluded, availability 100 %, no credit
        Instant start = ams("2026-11-02T00:00");
        Interval outage = new Interval(start, start.plus(Duration.ofHours(18)));
        AvailabilityResult a = AvailabilityCalculator.calculate(
                AvailabilityInput.forMonth(NOV)
                        .outage(outage)
                        .exclusion(new Exclusion(outage, ExclusionKind.FORCE_MAJEURE, "DDoS"))
                        .build(),
                POLICY.availability());
        CreditResult r = CreditCalculator.calculate(a, POLICY.credit(), PBX_N, FEE, FIXED);
        assertNumber("100", r.availability());
        assertEquals(new BigDecimal("0.00"), r.amount());
    }

    @Test
    void explanationSpellsOutEachStep() {
        CreditResult r = credit(18 * 3600, CreditRounding.WHOLE, FEE, FIXED);
        String text = String.join("\n", r.explanation());
        assertTrue(
                text.contains("97.5000 %")
                        && text.contains("99.6")
                        && text.contains("2.1")
                        && text.contains("whole")
                        && text.contains("20.00")
                        && text.contains("600.00"),
                text);
    }

    // ---- the demo's month (events/demo/month.yaml, issue 20): one outage earns a credit ----

    /**
     * The demo's November by hand. Outages of the hosted platform (R21: every hosted PBX), outside
     * any maintenance window: Tue 10 Nov 14:20-14:37 (17 min) and Wed 18 Nov 08:00-19:00 (660 min),
     * 677 min down. Credits under R25's default whole points, threshold 99.6 % for every level:
     * <ul>
     *   <li>bakkerij-devries (N, licence 250.00, fixed 250.00, whole month 43 200 min):
     *       (43 200 - 677) / 43 200 = 42 523 / 43 200 = 98.43287 %; 99.6 - 98.43287 = 1.167 points
     *       -> 1 whole point -> 5 % of 250.00 = 12.50 (cap 60 % of 250.00 = 150.00);</li>
     *   <li>hotel-gouden-leeuw (HA, licence 890.00, fixed 600.00, whole month): 98.43287 %, also
     *       1 point -> 5 % of 890.00 = 44.50 (cap 360.00), although its KPI is 99.9 %;</li>
     *   <li>tandarts-smit (B, licence 95.00, fixed 95.00, delivered from Mon 9 Nov: 22 days =
     *       31 680 min): (31 680 - 677) / 31 680 = 31 003 / 31 680 = 97.86300 %: its KPI (95 %) is
     *       met, yet 99.6 - 97.863 = 1.737 points -> 1 point -> 5 % of 95.00 = 4.75 (R25's threshold
     *       is 99.6 % whatever the level's KPI).</li>
     * </ul>
     */
    @Test
    void theDemoMonthsLongOutageEarnsCreditsWorkedByHand() {
        AvailabilityInput.Builder month = AvailabilityInput.forMonth(NOV)
                .outage(new Interval(ams("2026-11-10T14:20"), ams("2026-11-10T14:37")))
                .outage(new Interval(ams("2026-11-18T08:00"), ams("2026-11-18T19:00")));
        AvailabilityResult whole = AvailabilityCalculator.calculate(month.build(), POLICY.availability());
        assertEquals(Duration.ofMinutes(677), whole.down());
        CreditResult bakkerij = CreditCalculator.calculate(
                whole, POLICY.credit(), PBX_N, new BigDecimal("250.00"), new BigDecimal("250.00"));
        assertNumber("98.4329", bakkerij.availabilityDisplayed());
        assertNumber("1", bakkerij.steps());
        assertNumber("5", bakkerij.creditPercent());
        assertNumber("12.50", bakkerij.amount());
        assertFalse(bakkerij.capped());
        CreditResult hotel = CreditCalculator.calculate(
                whole,
                POLICY.credit(),
                POLICY.terms(SlaLevel.HA, ServiceKind.HOSTED_PBX),
                new BigDecimal("890.00"),
                new BigDecimal("600.00"));
        assertNumber("44.50", hotel.amount());
        AvailabilityResult fromNinth = AvailabilityCalculator.calculate(
                month.deliveredFrom(ams("2026-11-09T00:00")).build(), POLICY.availability());
        CreditResult tandarts = CreditCalculator.calculate(
                fromNinth,
                POLICY.credit(),
                POLICY.terms(SlaLevel.B, ServiceKind.HOSTED_PBX),
                new BigDecimal("95.00"),
                new BigDecimal("95.00"));
        assertNumber("97.863", tandarts.availabilityDisplayed());
        assertNumber("4.75", tandarts.amount());
    }
}
