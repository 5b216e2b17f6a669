package nl.vioms.sladesk.core.policy;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * R25's service credit: below {@code threshold} percent availability VIOMS refunds
 * {@code percentPerStep} % of the monthly licence fee per {@code step} percentage points, at most
 * {@code capPercentOfFixedCosts} % of the monthly fixed costs.
 *
 * @param threshold              guaranteed availability in percent (99.6)
 * @param step                   size of one step in percentage points (1)
 * @param percentPerStep         refund per step, percent of the monthly licence fee (5)
 * @param capPercentOfFixedCosts cap, percent of the monthly fixed costs (60)
 * @param rounding               how the shortfall is counted in steps
 * @param restoreBreachCompensation EUR per restore-time breach month-end lists as a claim for
 *                               finance to decide (issue 20); null: none set, claims are listed
 *                               without an amount. Never part of the availability credit (R25).
 */
public record CreditPolicy(
        BigDecimal threshold,
        BigDecimal step,
        BigDecimal percentPerStep,
        BigDecimal capPercentOfFixedCosts,
        CreditRounding rounding,
        @Nullable BigDecimal restoreBreachCompensation) {

    /** Without a compensation per restore-time breach. */
    public CreditPolicy(
            BigDecimal threshold,
            BigDecimal step,
            BigDecimal percentPerStep,
            BigDecimal capPercentOfFixedCosts,
            CreditRounding rounding) {
        this(threshold, step, percentPerStep, capPercentOfFixedCosts, rounding, null);
    }

    /** The same policy with another rounding mode (reports may show the alternatives). */
    public CreditPolicy withRounding(CreditRounding other) {
        return new CreditPolicy(
                threshold, step, percentPerStep, capPercentOfFixedCosts, other, restoreBreachCompensation);
    }
}
