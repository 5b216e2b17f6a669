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
import java.util.function.BiFunction;
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

    // jackson-jr, not jackson-databind, and read as plain maps rather than bound to the records
    // below by reflection: a fraction of the classes and time at cold start (decision 11)
    private static final JSON MAPPER = JSON.builder().enable(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS).build();

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
            file = Wire.file(MAPPER.anyFrom(json));
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

    /**
     * The file's JSON (maps, lists, strings, numbers) into the records above, by hand: a member
     * the record does not have is refused with its path, so a typo cannot silently drop a setting.
     */
    private static final class Wire {
        private final Map<String, Object> members;
        private final String at;

        private Wire(Object value, String at, String... known) {
            Map<String, Object> members = members(value, at);
            for (String name : members.keySet()) {
                if (!List.of(known).contains(name)) {
                    throw invalid(at, "has an unknown field '" + name + "' (known: " + String.join(", ", known) + ")");
                }
            }
            this.members = members;
            this.at = at;
        }

        static FileDto file(Object root) {
            Wire w = new Wire(root, "file", "policies");
            return new FileDto(w.list("policies", Wire::policy));
        }

        static PolicyDto policy(Object value, String at) {
            Wire w = new Wire(value, at, "id", "validFrom", "validTo", "holidays", "acknowledge", "levels",
                    "serviceKinds", "contractTargetsAsWritten", "availability", "credit");
            return new PolicyDto(w.string("id"), w.string("validFrom"), w.string("validTo"),
                    w.object("holidays", Wire::holidays), w.string("acknowledge"), w.map("levels", Wire::level),
                    w.map("serviceKinds", Wire::serviceKind), w.map("contractTargetsAsWritten", Wire::targetTable),
                    w.object("availability", Wire::availability), w.object("credit", Wire::credit));
        }

        static HolidaysDto holidays(Object value, String at) {
            Wire w = new Wire(value, at, "liberationDayEveryYear", "goodFriday", "closureDays");
            return new HolidaysDto(w.flag("liberationDayEveryYear"), w.flag("goodFriday"), w.list("closureDays", Wire::text));
        }

        static LevelDto level(Object value, String at) {
            Wire w = new Wire(value, at, "window", "contract", "availabilityKpi", "phoneGatedOutOfHours", "targets");
            return new LevelDto(w.string("window"), w.string("contract"), w.decimal("availabilityKpi"),
                    w.flag("phoneGatedOutOfHours"), w.map("targets", Wire::targets));
        }

        static Map<String, TargetsDto> targetTable(Object value, String at) {
            return entries(value, at, Wire::targets); // priorities: checked by the converter
        }

        static TargetsDto targets(Object value, String at) {
            Wire w = new Wire(value, at, "response", "startWork", "restore");
            return new TargetsDto(w.string("response"), w.string("startWork"), w.string("restore"));
        }

        static ServiceKindDto serviceKind(Object value, String at) {
            Wire w = new Wire(value, at, "availabilityCredit", "levelTargets");
            return new ServiceKindDto(w.flag("availabilityCredit"), w.map("levelTargets", Wire::targetTable));
        }

        static AvailabilityDto availability(Object value, String at) {
            Wire w = new Wire(value, at, "regularServiceWindows", "minimumNotice", "unknownCountsAsAvailable");
            return new AvailabilityDto(w.list("regularServiceWindows", Wire::serviceWindow), w.string("minimumNotice"),
                    w.flag("unknownCountsAsAvailable"));
        }

        static ServiceWindowDto serviceWindow(Object value, String at) {
            Wire w = new Wire(value, at, "days", "from", "to");
            return new ServiceWindowDto(w.list("days", Wire::text), w.string("from"), w.string("to"));
        }

        static CreditDto credit(Object value, String at) {
            Wire w = new Wire(value, at, "threshold", "step", "percentPerStep", "capPercentOfFixedCosts", "rounding");
            return new CreditDto(w.decimal("threshold"), w.decimal("step"), w.decimal("percentPerStep"),
                    w.decimal("capPercentOfFixedCosts"), w.string("rounding"));
        }

        static String text(Object value, String at) {
            if (value == null || value instanceof String) return (String) value;
            throw invalid(at, "is not a string");
        }

        String string(String name) {
            return text(members.get(name), at + "." + name);
        }

        Boolean flag(String name) {
            Object value = members.get(name);
            if (value == null || value instanceof Boolean) return (Boolean) value;
            throw invalid(at + "." + name, "is not true or false");
        }

        BigDecimal decimal(String name) {
            Object value = members.get(name);
            if (value == null) return null;
            if (value instanceof BigDecimal d) return d;
            if (value instanceof Number n) return new BigDecimal(n.toString()); // whole numbers come as Integer/Long
            throw invalid(at + "." + name, "is not a number");
        }

        <T> T object(String name, BiFunction<Object, String, T> read) {
            Object value = members.get(name);
            return value == null ? null : read.apply(value, at + "." + name);
        }

        <T> List<T> list(String name, BiFunction<Object, String, T> read) {
            Object value = members.get(name);
            if (value == null) return null;
            if (!(value instanceof List<?> items)) throw invalid(at + "." + name, "is not a JSON array");
            List<T> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) out.add(read.apply(items.get(i), at + "." + name + "[" + i + "]"));
            return out;
        }

        <T> Map<String, T> map(String name, BiFunction<Object, String, T> read) {
            Object value = members.get(name);
            return value == null ? null : entries(value, at + "." + name, read);
        }

        /**
         * A JSON object whose keys are names the converter checks (levels, kinds, priorities), not
         * fields: each value read with {@code read}, in the file's order.
         */
        static <T> Map<String, T> entries(Object value, String at, BiFunction<Object, String, T> read) {
            Map<String, T> out = new LinkedHashMap<>();
            members(value, at).forEach((k, v) -> out.put(k, read.apply(v, at + "." + k)));
            return out;
        }

        private static Map<String, Object> members(Object value, String at) {
            if (!(value instanceof Map<?, ?> map)) throw invalid(at, "is not a JSON object");
            @SuppressWarnings("unchecked")
            Map<String, Object> members = (Map<String, Object>) map;
            return members;
        }

        private static PolicyException invalid(String at, String problem) {
            return new PolicyException("policy file is not valid: " + at + " " + problem, null);
        }
    }

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
