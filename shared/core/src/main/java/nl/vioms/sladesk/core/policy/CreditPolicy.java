package nl.vioms.sladesk.core.policy;

import java.math.BigDecimal;

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
 */
public record CreditPolicy(
        BigDecimal threshold,
        BigDecimal step,
        BigDecimal percentPerStep,
        BigDecimal capPercentOfFixedCosts,
        CreditRounding rounding) {

    /** The same policy with another rounding mode (reports may show the alternatives). */
    public CreditPolicy withRounding(CreditRounding other) {
        return new CreditPolicy(threshold, step, percentPerStep, capPercentOfFixedCosts, other);
    }
}
