package nl.vioms.sladesk.core.monthend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.vioms.sladesk.core.availability.AvailabilityResult;
import nl.vioms.sladesk.core.availability.CreditResult;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.monthend.ContractMonth.ContractCredit;
import nl.vioms.sladesk.core.monthend.ContractMonth.CreditFigures;
import nl.vioms.sladesk.core.policy.CreditRounding;
import nl.vioms.sladesk.core.policy.SlaPolicy;

/**
 * The credit of one contract's month (R2, R25), from the credits of its services in every
 * rounding mode. Part of {@link MonthEndCalculator}; pure.
 */
final class ContractCredits {

    private ContractCredits() {}

    /**
     * The fee is one per contract: its credit is that of the credit-carrying service (R2) with
     * the most down time; services without credit are reported but never decide it.
     */
    static ContractCredit credit(
            Customer customer,
            SlaPolicy policy,
            Map<String, AvailabilityResult> results,
            Map<String, Map<String, CreditResult>> credits) {
        String basis = null;
        Duration worst = null;
        for (ServiceRef ref : customer.services()) {
            Map<String, CreditResult> byRounding = credits.get(ref.id());
            if (byRounding == null) {
                continue; // no data this month (R18): no credit
            }
            CreditResult applied = byRounding.get(policy.credit().rounding().wireName());
            if (!applied.creditApplies()) {
                continue;
            }
            Duration down = results.get(ref.id()).down();
            if (worst == null || down.compareTo(worst) > 0) {
                worst = down;
                basis = ref.id();
            }
        }
        Map<String, CreditFigures> byMode = new LinkedHashMap<>();
        if (basis == null) {
            CreditFigures none = none(customer, policy);
            for (CreditRounding mode : CreditRounding.values()) {
                byMode.put(mode.wireName(), none);
            }
            String reason = credits.isEmpty() && !customer.services().isEmpty()
                    ? "no data in this month (R18): no credit"
                    : "no service of this contract carries a VIOMS availability credit (R2)";
            return new ContractCredit(null, reason, none, byMode);
        }
        credits.get(basis).forEach((mode, r) -> byMode.put(mode, CreditFigures.of(r)));
        return new ContractCredit(
                basis,
                "the credit-carrying service with the most down time (R25)",
                byMode.get(policy.credit().rounding().wireName()),
                byMode);
    }

    /** No credit: the figures of a contract or service month that earns none. */
    static CreditFigures none(Customer customer, SlaPolicy policy) {
        return new CreditFigures(
                policy.credit().rounding().wireName(),
                false,
                policy.credit().threshold(),
                null,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                customer.monthlyLicenceFee(),
                money0(),
                customer.monthlyFixedCosts(),
                policy.credit().capPercentOfFixedCosts(),
                money0(),
                money0(),
                false);
    }

    private static BigDecimal money0() {
        return BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
    }
}
