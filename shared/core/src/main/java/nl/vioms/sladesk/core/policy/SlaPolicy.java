package nl.vioms.sladesk.core.policy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.NoSuchElementException;
import nl.vioms.sladesk.core.calendar.HolidaySettings;

/**
 * One version of the SLA as data (R5, R14, R15, R25), valid for a period of dates (R24).
 * Build it with {@link PolicyLoader}; check it with {@link PolicyValidation}.
 *
 * @param id                        name of this version, shown in reports
 * @param validity                  dates on which this version applies
 * @param holidays                  calendar settings (R3)
 * @param acknowledge               reaction to the reseller within this many clock hours (R12)
 * @param levels                    the level table, with targets per priority (R5, R14 decision)
 * @param serviceKinds              per kind of service: credit flag (R2) and target overrides (R15)
 * @param contractTargetsAsWritten  R14's contract tables exactly as the source writes them;
 *                                  kept for validation and reports, not used by {@link #terms}
 * @param availability              availability settings (R18-R20)
 * @param credit                    credit settings (R25)
 * @param backdateLimit             how far back a call or an event may be dated by the API without
 *                                  an operations override with a reason (issue 15; default 24 h)
 */
public record SlaPolicy(
        String id,
        ValidityPeriod validity,
        HolidaySettings holidays,
        Duration acknowledge,
        Map<SlaLevel, LevelPolicy> levels,
        Map<ServiceKind, ServiceKindPolicy> serviceKinds,
        Map<ContractType, Map<Priority, Targets>> contractTargetsAsWritten,
        AvailabilityPolicy availability,
        CreditPolicy credit,
        Duration backdateLimit) {

    /** Back-dating is limited to a day unless the policy data says otherwise. */
    public static final Duration DEFAULT_BACKDATE_LIMIT = Duration.ofHours(24);

    public SlaPolicy {
        backdateLimit = backdateLimit == null ? DEFAULT_BACKDATE_LIMIT : backdateLimit;
        levels = levels == null ? Map.of() : Map.copyOf(levels);
        serviceKinds = serviceKinds == null ? Map.of() : Map.copyOf(serviceKinds);
        contractTargetsAsWritten = ServiceKindPolicy.copyNested(contractTargetsAsWritten);
    }

    /** A version with the default back-dating limit. */
    public SlaPolicy(
            String id,
            ValidityPeriod validity,
            HolidaySettings holidays,
            Duration acknowledge,
            Map<SlaLevel, LevelPolicy> levels,
            Map<ServiceKind, ServiceKindPolicy> serviceKinds,
            Map<ContractType, Map<Priority, Targets>> contractTargetsAsWritten,
            AvailabilityPolicy availability,
            CreditPolicy credit) {
        this(
                id,
                validity,
                holidays,
                acknowledge,
                levels,
                serviceKinds,
                contractTargetsAsWritten,
                availability,
                credit,
                DEFAULT_BACKDATE_LIMIT);
    }

    /**
     * The terms of one level for one kind of service: the level's row (R5) with the kind's target
     * overrides (R15) replacing whole priorities, and the kind's credit flag (R2).
     *
     * @throws NoSuchElementException when the policy has no such level or kind
     */
    public LevelTerms terms(SlaLevel level, ServiceKind kind) {
        LevelPolicy row = levels.get(level);
        if (row == null) {
            throw new NoSuchElementException("policy " + id + " has no level " + level);
        }
        ServiceKindPolicy kindPolicy = serviceKinds.get(kind);
        if (kindPolicy == null) {
            throw new NoSuchElementException("policy " + id + " has no service kind " + kind.wireName());
        }
        Map<Priority, Targets> targets = new EnumMap<>(Priority.class);
        targets.putAll(row.targets());
        targets.putAll(kindPolicy.overridesFor(level));
        return new LevelTerms(
                level,
                kind,
                row.window(),
                row.contract(),
                row.availabilityKpi(),
                targets,
                acknowledge,
                row.phoneGatedOutOfHours(),
                kindPolicy.availabilityCredit());
    }

    /** True when this version applies on the date. */
    public boolean appliesOn(LocalDate date) {
        return validity != null && validity.contains(date);
    }
}
