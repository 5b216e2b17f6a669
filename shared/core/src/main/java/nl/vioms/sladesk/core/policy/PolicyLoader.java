package nl.vioms.sladesk.core.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;

import nl.vioms.sladesk.core.calendar.HolidaySettings;

/**
 * Reads SLA policies from JSON ({@code {"policies": [ ... ]}}, durations as ISO-8601 such as
 * {@code "PT2H"}, dates as {@code "2026-01-01"}). Unknown fields are rejected so a typo cannot
 * silently drop a setting. Every error of the file is collected and thrown together.
 */
public final class PolicyLoader {

    /** Classpath location of the policy that ships with the product. */
    public static final String DEFAULT_RESOURCE = "/nl/vioms/sladesk/core/policy/default-policy.json";

    // jackson-jr, not jackson-databind: a fraction of the classes and time at cold start (issue #9)
    private static final JSON MAPPER = JSON.builder()
            .enable(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY, JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private PolicyLoader() {
    }

    /** The policy shipped in {@value #DEFAULT_RESOURCE}. */
    public static PolicySet loadDefault() {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads, converts and validates a policy file.
     *
     * @throws PolicyException with every error found (syntax, unknown names, impossible values)
     */
    public static PolicySet load(InputStream json) {
        FileDto file;
        try {
            file = MAPPER.beanFrom(FileDto.class, json);
        } catch (JsonProcessingException e) {
            throw new PolicyException("policy file is not valid: " + e.getOriginalMessage()
                    + " at " + e.getLocation(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Converter c = new Converter();
        List<SlaPolicy> policies = new ArrayList<>();
        List<PolicyDto> dtos = file.policies() == null ? List.of() : file.policies();
        for (int i = 0; i < dtos.size(); i++) {
            PolicyDto dto = dtos.get(i);
            policies.add(c.policy(dto, dto.id() == null || dto.id().isBlank() ? "policies[" + i + "]" : dto.id()));
        }
        List<PolicyFinding> findings = new ArrayList<>(c.findings);
        Set<String> reported = new HashSet<>();
        c.findings.forEach(f -> reported.add(f.field()));
        // a value that did not parse is also "missing" to the validator: report it once
        PolicyValidation.validate(policies).stream().filter(f -> !reported.contains(f.field())).forEach(findings::add);
        if (findings.stream().anyMatch(PolicyFinding::isError)) throw new PolicyException(findings);
        return new PolicySet(policies);
    }

    // ---- wire format (DTOs keep raw strings so conversion can report every bad value) ----

    record FileDto(List<PolicyDto> policies) { }

    record PolicyDto(String id, String validFrom, String validTo, HolidaysDto holidays, String acknowledge,
                     Map<String, LevelDto> levels, Map<String, ServiceKindDto> serviceKinds,
                     Map<String, Map<String, TargetsDto>> contractTargetsAsWritten,
                     AvailabilityDto availability, CreditDto credit) { }

    record HolidaysDto(Boolean liberationDayEveryYear, Boolean goodFriday, List<String> closureDays) { }

    record LevelDto(String window, String contract, BigDecimal availabilityKpi, Boolean phoneGatedOutOfHours,
                    Map<String, TargetsDto> targets) { }

    record TargetsDto(String response, String startWork, String restore) { }

    record ServiceKindDto(Boolean availabilityCredit, Map<String, Map<String, TargetsDto>> levelTargets) { }

    record AvailabilityDto(List<ServiceWindowDto> regularServiceWindows, String minimumNotice,
                           Boolean unknownCountsAsAvailable) { }

    record ServiceWindowDto(List<String> days, String from, String to) { }

    record CreditDto(BigDecimal threshold, BigDecimal step, BigDecimal percentPerStep,
                     BigDecimal capPercentOfFixedCosts, String rounding) { }

    private static final class Converter {
        final List<PolicyFinding> findings = new ArrayList<>();

        SlaPolicy policy(PolicyDto d, String at) {
            ValidityPeriod validity = new ValidityPeriod(date(d.validFrom(), at + ".validFrom"),
                    date(d.validTo(), at + ".validTo"));
            Map<SlaLevel, LevelPolicy> levels = new EnumMap<>(SlaLevel.class);
            map(d.levels()).forEach((k, v) -> {
                SlaLevel level = name(k, at + ".levels." + k, SlaLevel::valueOf, "A, N, B, HA, HS, HN, HB");
                if (level != null) levels.put(level, level(v, at + ".levels." + k));
            });
            Map<ServiceKind, ServiceKindPolicy> kinds = new EnumMap<>(ServiceKind.class);
            map(d.serviceKinds()).forEach((k, v) -> {
                ServiceKind kind = name(k, at + ".serviceKinds." + k, ServiceKind::fromWireName,
                        "hosted-pbx, sip-trunk, connectivity, mobile");
                if (kind != null) kinds.put(kind, serviceKind(v, at + ".serviceKinds." + k));
            });
            Map<ContractType, Map<Priority, Targets>> contracts = new EnumMap<>(ContractType.class);
            map(d.contractTargetsAsWritten()).forEach((k, v) -> {
                ContractType type = name(k, at + ".contractTargetsAsWritten." + k, ContractType::valueOf,
                        "TWENTY_FOUR_SEVEN, OFFICE_HOURS");
                if (type != null) contracts.put(type, targetTable(v, at + ".contractTargetsAsWritten." + k));
            });
            return new SlaPolicy(d.id(), validity, holidays(d.holidays(), at + ".holidays"),
                    duration(d.acknowledge(), at + ".acknowledge"), levels, kinds, contracts,
                    availability(d.availability(), at + ".availability"), credit(d.credit(), at + ".credit"));
        }

        HolidaySettings holidays(HolidaysDto d, String at) {
            if (d == null) return null;
            Set<LocalDate> closures = new HashSet<>();
            List<String> days = d.closureDays() == null ? List.of() : d.closureDays();
            for (int i = 0; i < days.size(); i++) {
                LocalDate day = date(days.get(i), at + ".closureDays[" + i + "]");
                if (day != null) closures.add(day);
            }
            return new HolidaySettings(flag(d.liberationDayEveryYear(), at + ".liberationDayEveryYear"),
                    flag(d.goodFriday(), at + ".goodFriday"), closures);
        }

        LevelPolicy level(LevelDto d, String at) {
            return new LevelPolicy(name(d.window(), at + ".window", WindowKind::valueOf,
                    "ALWAYS, DAILY_12_TO_21, OFFICE_HOURS, OFFICE_HOURS_AND_WEEKEND_12_TO_20"),
                    name(d.contract(), at + ".contract", ContractType::valueOf, "TWENTY_FOUR_SEVEN, OFFICE_HOURS"),
                    d.availabilityKpi(), flag(d.phoneGatedOutOfHours(), at + ".phoneGatedOutOfHours"),
                    targetTable(d.targets(), at + ".targets"));
        }

        ServiceKindPolicy serviceKind(ServiceKindDto d, String at) {
            Map<SlaLevel, Map<Priority, Targets>> overrides = new EnumMap<>(SlaLevel.class);
            map(d.levelTargets()).forEach((k, v) -> {
                SlaLevel level = name(k, at + ".levelTargets." + k, SlaLevel::valueOf, "A, N, B, HA, HS, HN, HB");
                if (level != null) overrides.put(level, targetTable(v, at + ".levelTargets." + k));
            });
            return new ServiceKindPolicy(flag(d.availabilityCredit(), at + ".availabilityCredit"), overrides);
        }

        Map<Priority, Targets> targetTable(Map<String, TargetsDto> table, String at) {
            Map<Priority, Targets> out = new EnumMap<>(Priority.class);
            map(table).forEach((k, v) -> {
                Priority prio = name(k, at + "." + k, Priority::valueOf, "P1, P2, P3");
                if (prio != null && v != null) {
                    String f = at + "." + k;
                    out.put(prio, new Targets(duration(v.response(), f + ".response"),
                            duration(v.startWork(), f + ".startWork"), duration(v.restore(), f + ".restore")));
                }
            });
            return out;
        }

        AvailabilityPolicy availability(AvailabilityDto d, String at) {
            if (d == null) return null;
            List<RegularServiceWindow> windows = new ArrayList<>();
            List<ServiceWindowDto> dtos = d.regularServiceWindows() == null ? List.of() : d.regularServiceWindows();
            for (int i = 0; i < dtos.size(); i++) {
                String f = at + ".regularServiceWindows[" + i + "]";
                ServiceWindowDto w = dtos.get(i);
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (String day : w.days() == null ? List.<String>of() : w.days()) {
                    DayOfWeek dow = name(day, f + ".days", DayOfWeek::valueOf, "MONDAY .. SUNDAY");
                    if (dow != null) days.add(dow);
                }
                windows.add(new RegularServiceWindow(days, time(w.from(), f + ".from"), time(w.to(), f + ".to")));
            }
            return new AvailabilityPolicy(windows, duration(d.minimumNotice(), at + ".minimumNotice"),
                    flag(d.unknownCountsAsAvailable(), at + ".unknownCountsAsAvailable"));
        }

        CreditPolicy credit(CreditDto d, String at) {
            if (d == null) return null;
            return new CreditPolicy(d.threshold(), d.step(), d.percentPerStep(), d.capPercentOfFixedCosts(),
                    name(d.rounding(), at + ".rounding", CreditRounding::fromWireName, "whole, started, prorata"));
        }

        <V> Map<String, V> map(Map<String, V> m) {
            return m == null ? Map.of() : new LinkedHashMap<>(m);
        }

        boolean flag(Boolean b, String field) {
            if (b == null) findings.add(PolicyFinding.error(field, "is missing (true or false)"));
            return b != null && b;
        }

        <T> T name(String raw, String field, Function<String, T> parse, String expected) {
            return parsed(raw, field, parse, "unknown value '" + raw + "' (expected " + expected + ")");
        }

        Duration duration(String raw, String field) {
            return parsed(raw, field, Duration::parse, "'" + raw + "' is not an ISO-8601 duration such as PT2H");
        }

        LocalDate date(String raw, String field) {
            return parsed(raw, field, LocalDate::parse, "'" + raw + "' is not a date such as 2026-01-01");
        }

        LocalTime time(String raw, String field) {
            return parsed(raw, field, LocalTime::parse, "'" + raw + "' is not a time such as 01:00");
        }

        /** {@code parse(raw)}; null for a missing value; null and an error finding when it does not parse. */
        <T> T parsed(String raw, String field, Function<String, T> parse, String problem) {
            if (raw == null) return null;
            try {
                return parse.apply(raw);
            } catch (RuntimeException e) {
                findings.add(PolicyFinding.error(field, problem));
                return null;
            }
        }
    }
}
