package nl.vioms.sladesk.core.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import nl.vioms.sladesk.core.policy.LevelTerms;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.policy.SlaPolicy;

/**
 * Level terms for the clock tests, taken from the shipped default policy: the clock tests and the
 * product read the same numbers. {@link DefaultPolicyTermsTest} pins those numbers to the rules
 * (R2, R5, R7, R12, R14, R15), so a change to the policy file shows up there first.
 */
final class TestLevels {

    /** The shipped policy version in force for every date the clock tests use (2025-2027). */
    static final SlaPolicy DEFAULT = PolicyLoader.loadDefault().policyOn(LocalDate.of(2026, 1, 1));

    private TestLevels() {}

    /**
     * The level's row of R5 as the policy ships it. SIP trunk, because it carries no per-kind
     * override: hosted PBX replaces level B's targets (R15), see {@link #terms(SlaLevel, ServiceKind)}.
     */
    static LevelTerms terms(SlaLevel level) {
        return terms(level, ServiceKind.SIP_TRUNK);
    }

    /** The terms of one level for one kind of service, from the default policy. */
    static LevelTerms terms(SlaLevel level, ServiceKind kind) {
        return DEFAULT.terms(level, kind);
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
