package nl.vioms.sladesk.core.policy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The versions of the SLA over time, so a past month is computed with the rules of that month
 * (R24). Constructing a set validates it; a set with errors cannot exist.
 */
public final class PolicySet {

    private final List<SlaPolicy> policies;
    private final List<PolicyFinding> warnings;

    /** @throws PolicyException listing every error of {@link PolicyValidation#validate(List)} */
    public PolicySet(List<SlaPolicy> policies) {
        List<PolicyFinding> findings = PolicyValidation.validate(policies);
        if (findings.stream().anyMatch(PolicyFinding::isError)) {
            throw new PolicyException(findings);
        }
        this.policies = policies.stream()
                .sorted(Comparator.comparing(p -> p.validity().validFrom()))
                .toList();
        this.warnings = findings;
    }

    public static PolicySet of(SlaPolicy... policies) {
        return new PolicySet(List.of(policies));
    }

    /** Versions ordered by validFrom. */
    public List<SlaPolicy> policies() {
        return policies;
    }

    /** The known contradictions (R15) found when the set was built. */
    public List<PolicyFinding> warnings() {
        return warnings;
    }

    public Optional<SlaPolicy> find(LocalDate date) {
        return policies.stream().filter(p -> p.appliesOn(date)).findFirst();
    }

    /** @throws NoSuchElementException when no version applies on the date */
    public SlaPolicy policyOn(LocalDate date) {
        return find(date).orElseThrow(() -> new NoSuchElementException("no SLA policy valid on " + date));
    }

    /**
     * The version for a calendar month: the one valid on the month's first day. A version that
     * starts mid-month applies from the next month on (one month, one rule set, R24).
     */
    public SlaPolicy policyFor(YearMonth month) {
        return policyOn(month.atDay(1));
    }
}
