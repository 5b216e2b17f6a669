package nl.vioms.sladesk.core.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.vioms.sladesk.core.calendar.HolidaySettings;
import nl.vioms.sladesk.core.policy.PolicyFile.AvailabilityDto;
import nl.vioms.sladesk.core.policy.PolicyFile.CreditDto;
import nl.vioms.sladesk.core.policy.PolicyFile.HolidaysDto;
import nl.vioms.sladesk.core.policy.PolicyFile.LevelDto;
import nl.vioms.sladesk.core.policy.PolicyFile.PolicyDto;
import nl.vioms.sladesk.core.policy.PolicyFile.ServiceKindDto;
import nl.vioms.sladesk.core.policy.PolicyFile.ServiceWindowDto;
import nl.vioms.sladesk.core.policy.PolicyFile.TargetsDto;
import org.jspecify.annotations.Nullable;

/**
 * The raw shape of a policy file ({@link PolicyFile}) into the domain records. A value that does
 * not parse becomes an error {@link #findings finding} naming its path and is left null (or, for an
 * open validity end, {@link LocalDate#MAX}); {@link PolicyValidation} then finds what is missing,
 * so one run reports every error of the file. One converter per file.
 */
final class PolicyConverter {
    private static final String LEVELS = "A, N, B, HA, HS, HN, HB";
    private static final String CONTRACTS = "TWENTY_FOUR_SEVEN, OFFICE_HOURS";

    /** The errors found while converting, in file order. */
    final List<PolicyFinding> findings = new ArrayList<>();

    SlaPolicy policy(PolicyDto d, String at) {
        LocalDate validFrom = date(d.validFrom(), at + ".validFrom");
        LocalDate validTo = date(d.validTo(), at + ".validTo");
        // R24: no end in the file (or one that did not parse, already an error) is an open period
        ValidityPeriod validity = new ValidityPeriod(validFrom, validTo == null ? ValidityPeriod.OPEN : validTo);
        Map<SlaLevel, LevelPolicy> levels = new EnumMap<>(SlaLevel.class);
        map(d.levels()).forEach((k, v) -> {
            SlaLevel level = name(k, at + ".levels." + k, SlaLevel::valueOf, LEVELS);
            if (level != null) {
                levels.put(level, level(v, at + ".levels." + k));
            }
        });
        Map<ServiceKind, ServiceKindPolicy> kinds = new EnumMap<>(ServiceKind.class);
        map(d.serviceKinds()).forEach((k, v) -> {
            ServiceKind kind = name(
                    k,
                    at + ".serviceKinds." + k,
                    ServiceKind::fromWireName,
                    "hosted-pbx, sip-trunk, connectivity, mobile");
            if (kind != null) {
                kinds.put(kind, serviceKind(v, at + ".serviceKinds." + k));
            }
        });
        Map<ContractType, Map<Priority, Targets>> contracts = new EnumMap<>(ContractType.class);
        map(d.contractTargetsAsWritten()).forEach((k, v) -> {
            ContractType type = name(k, at + ".contractTargetsAsWritten." + k, ContractType::valueOf, CONTRACTS);
            if (type != null) {
                contracts.put(type, targetTable(v, at + ".contractTargetsAsWritten." + k));
            }
        });
        return new SlaPolicy(
                d.id(),
                validity,
                holidays(d.holidays(), at + ".holidays"),
                duration(d.acknowledge(), at + ".acknowledge"),
                levels,
                kinds,
                contracts,
                availability(d.availability(), at + ".availability"),
                credit(d.credit(), at + ".credit"),
                d.backdateLimit() == null
                        ? SlaPolicy.DEFAULT_BACKDATE_LIMIT
                        : duration(d.backdateLimit(), at + ".backdateLimit"));
    }

    private @Nullable HolidaySettings holidays(@Nullable HolidaysDto d, String at) {
        if (d == null) {
            return null;
        }
        Set<LocalDate> closures = new HashSet<>();
        List<@Nullable String> days = d.closureDays() == null ? List.of() : d.closureDays();
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = date(days.get(i), at + ".closureDays[" + i + "]");
            if (day != null) {
                closures.add(day);
            }
        }
        return new HolidaySettings(
                flag(d.liberationDayEveryYear(), at + ".liberationDayEveryYear"),
                flag(d.goodFriday(), at + ".goodFriday"),
                closures);
    }

    private LevelPolicy level(LevelDto d, String at) {
        return new LevelPolicy(
                name(
                        d.window(),
                        at + ".window",
                        WindowKind::valueOf,
                        "ALWAYS, DAILY_12_TO_21, OFFICE_HOURS, OFFICE_HOURS_AND_WEEKEND_12_TO_20"),
                name(d.contract(), at + ".contract", ContractType::valueOf, CONTRACTS),
                d.availabilityKpi(),
                flag(d.phoneGatedOutOfHours(), at + ".phoneGatedOutOfHours"),
                targetTable(d.targets(), at + ".targets"));
    }

    private ServiceKindPolicy serviceKind(ServiceKindDto d, String at) {
        Map<SlaLevel, Map<Priority, Targets>> overrides = new EnumMap<>(SlaLevel.class);
        map(d.levelTargets()).forEach((k, v) -> {
            SlaLevel level = name(k, at + ".levelTargets." + k, SlaLevel::valueOf, LEVELS);
            if (level != null) {
                overrides.put(level, targetTable(v, at + ".levelTargets." + k));
            }
        });
        return new ServiceKindPolicy(flag(d.availabilityCredit(), at + ".availabilityCredit"), overrides);
    }

    private Map<Priority, Targets> targetTable(@Nullable Map<String, TargetsDto> table, String at) {
        Map<Priority, Targets> out = new EnumMap<>(Priority.class);
        map(table).forEach((k, v) -> {
            Priority prio = name(k, at + "." + k, Priority::valueOf, "P1, P2, P3");
            if (prio != null) {
                String f = at + "." + k;
                out.put(
                        prio,
                        new Targets(
                                duration(v.response(), f + ".response"),
                                duration(v.startWork(), f + ".startWork"),
                                duration(v.restore(), f + ".restore")));
            }
        });
        return out;
    }

    private @Nullable AvailabilityPolicy availability(@Nullable AvailabilityDto d, String at) {
        if (d == null) {
            return null;
        }
        List<RegularServiceWindow> windows = new ArrayList<>();
        List<ServiceWindowDto> dtos = d.regularServiceWindows() == null ? List.of() : d.regularServiceWindows();
        for (int i = 0; i < dtos.size(); i++) {
            String f = at + ".regularServiceWindows[" + i + "]";
            ServiceWindowDto w = dtos.get(i);
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : w.days() == null ? List.<@Nullable String>of() : w.days()) {
                DayOfWeek dow = name(day, f + ".days", DayOfWeek::valueOf, "MONDAY .. SUNDAY");
                if (dow != null) {
                    days.add(dow);
                }
            }
            windows.add(new RegularServiceWindow(days, time(w.from(), f + ".from"), time(w.to(), f + ".to")));
        }
        return new AvailabilityPolicy(
                windows,
                duration(d.minimumNotice(), at + ".minimumNotice"),
                flag(d.unknownCountsAsAvailable(), at + ".unknownCountsAsAvailable"));
    }

    private @Nullable CreditPolicy credit(@Nullable CreditDto d, String at) {
        if (d == null) {
            return null;
        }
        return new CreditPolicy(
                d.threshold(),
                d.step(),
                d.percentPerStep(),
                d.capPercentOfFixedCosts(),
                name(d.rounding(), at + ".rounding", CreditRounding::fromWireName, "whole, started, prorata"),
                d.restoreBreachCompensation());
    }

    private static <V> Map<String, V> map(@Nullable Map<String, V> m) {
        return m == null ? Map.of() : new LinkedHashMap<>(m);
    }

    /** The flag, or false and an error finding when it is missing. */
    private boolean flag(@Nullable Boolean b, String field) {
        if (b == null) {
            findings.add(PolicyFinding.error(field, "is missing (true or false)"));
        }
        return b != null && b;
    }

    private <T> @Nullable T name(@Nullable String raw, String field, Function<String, T> parse, String expected) {
        return parsed(raw, field, parse, "unknown value '" + raw + "' (expected " + expected + ")");
    }

    private @Nullable Duration duration(@Nullable String raw, String field) {
        return parsed(raw, field, Duration::parse, "'" + raw + "' is not an ISO-8601 duration such as PT2H");
    }

    private @Nullable LocalDate date(@Nullable String raw, String field) {
        return parsed(raw, field, LocalDate::parse, "'" + raw + "' is not a date such as 2026-01-01");
    }

    private @Nullable LocalTime time(@Nullable String raw, String field) {
        return parsed(raw, field, LocalTime::parse, "'" + raw + "' is not a time such as 01:00");
    }

    /** {@code parse(raw)}; null for a missing value; null and an error finding when it does not parse. */
    private <T> @Nullable T parsed(@Nullable String raw, String field, Function<String, T> parse, String problem) {
        if (raw == null) {
            return null;
        }
        try {
            return parse.apply(raw);
        } catch (RuntimeException e) {
            findings.add(PolicyFinding.error(field, problem));
            return null;
        }
    }
}
