package nl.vioms.sladesk.core.availability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import nl.vioms.sladesk.core.policy.CreditPolicy;
import nl.vioms.sladesk.core.policy.LevelTerms;

/**
 * R25's service credit: for each step (1 percentage point) of availability below the threshold
 * (99.6 %), percent-per-step (5 %) of the monthly licence fee, at most the cap (60 %) of the
 * monthly fixed costs. Excluded time never creates credit (R26): it is not in {@code down}.
 * <p>
 * Computed from the exact ratio down/total, not from the 4-decimal display figure, so the same
 * minutes always give the same credit whatever the display rounding. Money is rounded once,
 * HALF_UP to 2 decimals.
 */
public final class CreditCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int SHOWN_SCALE = 10;

    private CreditCalculator() {}

    /**
     * @param availability      the month's availability
     * @param policy            the credit policy of that month (R24)
     * @param terms             the customer's level and kind; no credit when the kind has none (R2)
     * @param monthlyLicenceFee the monthly licence price the percentage applies to
     * @param monthlyFixedCosts the monthly fixed costs the cap applies to
     */
    public static CreditResult calculate(
            AvailabilityResult availability,
            CreditPolicy policy,
            LevelTerms terms,
            BigDecimal monthlyLicenceFee,
            BigDecimal monthlyFixedCosts) {
        Objects.requireNonNull(monthlyLicenceFee, "monthlyLicenceFee");
        Objects.requireNonNull(monthlyFixedCosts, "monthlyFixedCosts");
        BigDecimal total = Minutes.nanos(availability.total());
        BigDecimal up = Minutes.nanos(availability.total().minus(availability.down()));
        // points below = threshold - 100 * up / total = (threshold * total - 100 * up) / total, kept as a fraction
        BigDecimal pointsNumerator = policy.threshold().multiply(total).subtract(up.multiply(HUNDRED));
        BigDecimal availabilityExact = shown(up.multiply(HUNDRED), total);
        BigDecimal cap = money(
                monthlyFixedCosts.multiply(policy.capPercentOfFixedCosts()).divide(HUNDRED));
        List<String> rules = List.of("R2", "R25", "R26");

        boolean applies = terms.availabilityCredit();
        if (!applies || pointsNumerator.signum() <= 0) {
            BigDecimal zero = BigDecimal.ZERO;
            return new CreditResult(
                    applies,
                    policy.threshold(),
                    availabilityExact,
                    availability.availabilityPercent(),
                    applies ? zero : shownOrZero(pointsNumerator, total),
                    policy.rounding(),
                    zero,
                    zero,
                    monthlyLicenceFee,
                    money(zero),
                    monthlyFixedCosts,
                    policy.capPercentOfFixedCosts(),
                    cap,
                    money(zero),
                    false,
                    rules);
        }
        BigDecimal stepsDenominator = total.multiply(policy.step());
        BigDecimal steps;
        BigDecimal uncapped;
        switch (policy.rounding()) {
            case WHOLE -> steps = pointsNumerator.divide(stepsDenominator, 0, RoundingMode.FLOOR);
            case STARTED -> steps = pointsNumerator.divide(stepsDenominator, 0, RoundingMode.CEILING);
            default -> steps = null;
        }
        BigDecimal percent;
        if (steps != null) {
            percent = steps.multiply(policy.percentPerStep());
            uncapped = money(monthlyLicenceFee.multiply(percent).divide(HUNDRED));
        } else {
            // prorata: one division at the end, so the amount carries no intermediate rounding
            steps = shown(pointsNumerator, stepsDenominator);
            percent = shown(pointsNumerator.multiply(policy.percentPerStep()), stepsDenominator);
            uncapped = monthlyLicenceFee
                    .multiply(policy.percentPerStep())
                    .multiply(pointsNumerator)
                    .divide(stepsDenominator.multiply(HUNDRED), 2, RoundingMode.HALF_UP);
        }
        boolean capped = uncapped.compareTo(cap) > 0;
        return new CreditResult(
                true,
                policy.threshold(),
                availabilityExact,
                availability.availabilityPercent(),
                shown(pointsNumerator, total),
                policy.rounding(),
                steps,
                percent,
                monthlyLicenceFee,
                uncapped,
                monthlyFixedCosts,
                policy.capPercentOfFixedCosts(),
                cap,
                capped ? cap : uncapped,
                capped,
                rules);
    }

    private static BigDecimal shownOrZero(BigDecimal numerator, BigDecimal denominator) {
        return numerator.signum() <= 0 ? BigDecimal.ZERO : shown(numerator, denominator);
    }

    /** Exact when the decimal ends, else HALF_UP to 10 decimals; no trailing zeros. */
    private static BigDecimal shown(BigDecimal numerator, BigDecimal denominator) {
        BigDecimal v;
        try {
            v = numerator.divide(denominator);
        } catch (ArithmeticException nonTerminating) {
            v = numerator.divide(denominator, SHOWN_SCALE, RoundingMode.HALF_UP);
        }
        v = v.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
