package nl.vioms.sladesk.core.availability;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.vioms.sladesk.core.policy.CreditRounding;

/**
 * A month's service credit (R25, R26) with each step of the computation, so a report can spell
 * it out. Percentages are in percent (5 = 5 %); money has 2 decimals.
 *
 * @param creditApplies         false for kinds without VIOMS availability credit (R2)
 * @param threshold             guaranteed availability (99.6)
 * @param availability          availability used, exact when its decimal ends, else 10 decimals
 * @param availabilityDisplayed the report's 4-decimal availability
 * @param pointsBelow           threshold minus availability in percentage points (0 when not below)
 * @param rounding              how points were counted
 * @param steps                 steps counted: whole/started an integer, prorata the fraction
 * @param creditPercent         steps times percent-per-step, percent of the licence fee
 * @param monthlyLicenceFee     the fee the percentage applies to
 * @param uncappedAmount        creditPercent of the licence fee
 * @param monthlyFixedCosts     the costs the cap applies to
 * @param capPercent            cap in percent of the fixed costs
 * @param cap                   the cap as money
 * @param amount                min(uncapped, cap)
 * @param capped                true when the cap decided the amount
 * @param rules                 rule ids used
 */
public record CreditResult(
        boolean creditApplies,
        BigDecimal threshold,
        BigDecimal availability,
        BigDecimal availabilityDisplayed,
        BigDecimal pointsBelow,
        CreditRounding rounding,
        BigDecimal steps,
        BigDecimal creditPercent,
        BigDecimal monthlyLicenceFee,
        BigDecimal uncappedAmount,
        BigDecimal monthlyFixedCosts,
        BigDecimal capPercent,
        BigDecimal cap,
        BigDecimal amount,
        boolean capped,
        List<String> rules) {

    public CreditResult {
        rules = List.copyOf(rules);
    }

    /** True when a credit is due. */
    public boolean hasCredit() {
        return amount.signum() > 0;
    }

    /** The computation in words, one step a line, for reports. */
    public List<String> explanation() {
        List<String> lines = new ArrayList<>();
        if (!creditApplies) {
            lines.add("no availability credit for this kind of service (R2)");
            return lines;
        }
        lines.add("availability " + availabilityDisplayed.toPlainString() + " % (exact " + availability.toPlainString()
                + " %), threshold " + threshold.toPlainString() + " % (R25)");
        if (pointsBelow.signum() == 0) {
            lines.add("availability is not below the threshold: no credit");
            return lines;
        }
        lines.add("below threshold: " + pointsBelow.toPlainString() + " percentage points");
        lines.add("counted " + rounding.wireName() + ": " + steps.toPlainString() + " step(s)");
        lines.add("credit " + creditPercent.toPlainString() + " % of licence fee " + monthlyLicenceFee.toPlainString()
                + " = " + uncappedAmount.toPlainString());
        lines.add("cap " + capPercent.toPlainString() + " % of fixed costs " + monthlyFixedCosts.toPlainString() + " = "
                + cap.toPlainString());
        lines.add("credit " + amount.toPlainString() + (capped ? " (capped)" : ""));
        return lines;
    }
}
