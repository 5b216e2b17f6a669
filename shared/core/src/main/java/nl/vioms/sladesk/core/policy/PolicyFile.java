package nl.vioms.sladesk.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The policy file's format: its JSON read into the raw records below, which keep strings as
 * written so {@link PolicyConverter} can report every bad value with its path. Absent members are
 * null. A member a record does not have is refused with its path, so a typo cannot silently drop a
 * setting.
 */
final class PolicyFile {

    // jackson-jr, not jackson-databind, and read as plain maps rather than bound to the records
    // below by reflection: a fraction of the classes and time at cold start (decision 11)
    private static final JSON MAPPER =
            JSON.builder().enable(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    record FileDto(@Nullable List<PolicyDto> policies) {}

    record PolicyDto(
            @Nullable String id,
            @Nullable String validFrom,
            @Nullable String validTo,
            @Nullable HolidaysDto holidays,
            @Nullable String acknowledge,
            @Nullable Map<String, LevelDto> levels,
            @Nullable Map<String, ServiceKindDto> serviceKinds,
            @Nullable Map<String, Map<String, TargetsDto>> contractTargetsAsWritten,
            @Nullable AvailabilityDto availability,
            @Nullable CreditDto credit,
            @Nullable String backdateLimit) {}

    record HolidaysDto(
            @Nullable Boolean liberationDayEveryYear,
            @Nullable Boolean goodFriday,
            @Nullable List<@Nullable String> closureDays) {}

    record LevelDto(
            @Nullable String window,
            @Nullable String contract,
            @Nullable BigDecimal availabilityKpi,
            @Nullable Boolean phoneGatedOutOfHours,
            @Nullable Map<String, TargetsDto> targets) {}

    record TargetsDto(
            @Nullable String response,
            @Nullable String startWork,
            @Nullable String restore) {}

    record ServiceKindDto(
            @Nullable Boolean availabilityCredit, @Nullable Map<String, Map<String, TargetsDto>> levelTargets) {}

    record AvailabilityDto(
            @Nullable List<ServiceWindowDto> regularServiceWindows,
            @Nullable String minimumNotice,
            @Nullable Boolean unknownCountsAsAvailable) {}

    record ServiceWindowDto(
            @Nullable List<@Nullable String> days,
            @Nullable String from,
            @Nullable String to) {}

    record CreditDto(
            @Nullable BigDecimal threshold,
            @Nullable BigDecimal step,
            @Nullable BigDecimal percentPerStep,
            @Nullable BigDecimal capPercentOfFixedCosts,
            @Nullable String rounding,
            @Nullable BigDecimal restoreBreachCompensation) {}

    private final Map<String, @Nullable Object> members;
    private final String at;

    /** One JSON object at path {@code at}, whose members must all be {@code known}. */
    private PolicyFile(@Nullable Object value, String at, String... known) {
        Map<String, @Nullable Object> members = members(value, at);
        for (String name : members.keySet()) {
            if (!List.of(known).contains(name)) {
                throw invalid(at, "has an unknown field '" + name + "' (known: " + String.join(", ", known) + ")");
            }
        }
        this.members = members;
        this.at = at;
    }

    /**
     * Reads a policy file into its raw shape.
     *
     * @throws PolicyException when it is not JSON or not of this shape (naming the path)
     */
    static FileDto read(InputStream json) {
        Object root;
        try {
            root = MAPPER.anyFrom(json);
        } catch (JsonProcessingException e) {
            throw new PolicyException(
                    "policy file is not valid: " + e.getOriginalMessage() + " at " + e.getLocation(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PolicyFile w = new PolicyFile(root, "file", "policies");
        return new FileDto(w.list("policies", PolicyFile::policy));
    }

    private static PolicyDto policy(@Nullable Object value, String at) {
        PolicyFile w = new PolicyFile(
                value,
                at,
                "id",
                "validFrom",
                "validTo",
                "holidays",
                "acknowledge",
                "levels",
                "serviceKinds",
                "contractTargetsAsWritten",
                "availability",
                "credit",
                "backdateLimit");
        return new PolicyDto(
                w.string("id"),
                w.string("validFrom"),
                w.string("validTo"),
                w.object("holidays", PolicyFile::holidays),
                w.string("acknowledge"),
                w.map("levels", PolicyFile::level),
                w.map("serviceKinds", PolicyFile::serviceKind),
                w.map("contractTargetsAsWritten", PolicyFile::targetTable),
                w.object("availability", PolicyFile::availability),
                w.object("credit", PolicyFile::credit),
                w.string("backdateLimit"));
    }

    private static HolidaysDto holidays(@Nullable Object value, String at) {
        PolicyFile w = new PolicyFile(value, at, "liberationDayEveryYear", "goodFriday", "closureDays");
        return new HolidaysDto(
                w.flag("liberationDayEveryYear"), w.flag("goodFriday"), w.list("closureDays", PolicyFile::text));
    }

    private static LevelDto level(@Nullable Object value, String at) {
        PolicyFile w =
                new PolicyFile(value, at, "window", "contract", "availabilityKpi", "phoneGatedOutOfHours", "targets");
        return new LevelDto(
                w.string("window"),
                w.string("contract"),
                w.decimal("availabilityKpi"),
                w.flag("phoneGatedOutOfHours"),
                w.map("targets", PolicyFile::targets));
    }

    private static Map<String, TargetsDto> targetTable(@Nullable Object value, String at) {
        return entries(value, at, PolicyFile::targets); // priorities: checked by the converter
    }

    private static TargetsDto targets(@Nullable Object value, String at) {
        PolicyFile w = new PolicyFile(value, at, "response", "startWork", "restore");
        return new TargetsDto(w.string("response"), w.string("startWork"), w.string("restore"));
    }

    private static ServiceKindDto serviceKind(@Nullable Object value, String at) {
        PolicyFile w = new PolicyFile(value, at, "availabilityCredit", "levelTargets");
        return new ServiceKindDto(w.flag("availabilityCredit"), w.map("levelTargets", PolicyFile::targetTable));
    }

    private static AvailabilityDto availability(@Nullable Object value, String at) {
        PolicyFile w = new PolicyFile(value, at, "regularServiceWindows", "minimumNotice", "unknownCountsAsAvailable");
        return new AvailabilityDto(
                w.list("regularServiceWindows", PolicyFile::serviceWindow),
                w.string("minimumNotice"),
                w.flag("unknownCountsAsAvailable"));
    }

    private static ServiceWindowDto serviceWindow(@Nullable Object value, String at) {
        PolicyFile w = new PolicyFile(value, at, "days", "from", "to");
        return new ServiceWindowDto(w.list("days", PolicyFile::text), w.string("from"), w.string("to"));
    }

    private static CreditDto credit(@Nullable Object value, String at) {
        PolicyFile w = new PolicyFile(
                value,
                at,
                "threshold",
                "step",
                "percentPerStep",
                "capPercentOfFixedCosts",
                "rounding",
                "restoreBreachCompensation");
        return new CreditDto(
                w.decimal("threshold"),
                w.decimal("step"),
                w.decimal("percentPerStep"),
                w.decimal("capPercentOfFixedCosts"),
                w.string("rounding"),
                w.decimal("restoreBreachCompensation"));
    }

    private static @Nullable String text(@Nullable Object value, String at) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw invalid(at, "is not a string");
    }

    private @Nullable String string(String name) {
        return text(members.get(name), at + "." + name);
    }

    private @Nullable Boolean flag(String name) {
        Object value = members.get(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw invalid(at + "." + name, "is not true or false");
    }

    private @Nullable BigDecimal decimal(String name) {
        Object value = members.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()); // whole numbers come as Integer/Long
        }
        throw invalid(at + "." + name, "is not a number");
    }

    private <T> @Nullable T object(String name, BiFunction<@Nullable Object, String, T> read) {
        Object value = members.get(name);
        return value == null ? null : read.apply(value, at + "." + name);
    }

    private <T extends @Nullable Object> @Nullable List<T> list(
            String name, BiFunction<@Nullable Object, String, T> read) {
        Object value = members.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> items)) {
            throw invalid(at + "." + name, "is not a JSON array");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(read.apply(items.get(i), at + "." + name + "[" + i + "]"));
        }
        return out;
    }

    private <T> @Nullable Map<String, T> map(String name, BiFunction<@Nullable Object, String, T> read) {
        Object value = members.get(name);
        return value == null ? null : entries(value, at + "." + name, read);
    }

    /**
     * A JSON object whose keys are names the converter checks (levels, kinds, priorities), not
     * fields: each value read with {@code read}, in the file's order.
     */
    private static <T> Map<String, T> entries(
            @Nullable Object value, String at, BiFunction<@Nullable Object, String, T> read) {
        Map<String, T> out = new LinkedHashMap<>();
        members(value, at).forEach((k, v) -> out.put(k, read.apply(v, at + "." + k)));
        return out;
    }

    private static Map<String, @Nullable Object> members(@Nullable Object value, String at) {
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(at, "is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> members = (Map<String, @Nullable Object>) map;
        return members;
    }

    private static PolicyException invalid(String at, String problem) {
        return new PolicyException("policy file is not valid: " + at + " " + problem, null);
    }
}
