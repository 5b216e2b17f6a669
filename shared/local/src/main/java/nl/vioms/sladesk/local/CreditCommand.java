package nl.vioms.sladesk.local;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.core.availability.AvailabilityCalculator;
import nl.vioms.sladesk.core.availability.AvailabilityInput;
import nl.vioms.sladesk.core.availability.AvailabilityResult;
import nl.vioms.sladesk.core.availability.CreditCalculator;
import nl.vioms.sladesk.core.availability.CreditResult;
import nl.vioms.sladesk.core.availability.EmergencyMaintenance;
import nl.vioms.sladesk.core.availability.Exclusion;
import nl.vioms.sladesk.core.availability.ExclusionKind;
import nl.vioms.sladesk.core.availability.PlannedMaintenance;
import nl.vioms.sladesk.core.policy.CreditRounding;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.RuleIds;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.policy.SlaPolicy;
import nl.vioms.sladesk.core.time.Interval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sladesk credit}: a month's availability and service credit (R18-R26) as one JSON object. */
@Command(
        header = "Computes a month's availability and service credit (R18-R26).",
        name = "credit",
        mixinStandardHelpOptions = true,
        description = "Computes a month's availability and service credit (R18-R26) and prints one JSON "
                + "object. Times without an offset are Europe/Amsterdam wall-clock time.")
final class CreditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--month",
            required = true,
            paramLabel = "YYYY-MM",
            description = "Calendar month in Amsterdam time.")
    String month;

    @Option(
            names = "--level",
            required = true,
            paramLabel = "LEVEL",
            description = "SLA level: A, N, B, HA, HS, HN, HB.")
    String level;

    @Option(
            names = "--service",
            defaultValue = "hosted-pbx",
            paramLabel = "KIND",
            description = "hosted-pbx, sip-trunk, connectivity or mobile (default: ${DEFAULT-VALUE}).")
    String service;

    @Option(names = "--fee", required = true, paramLabel = "AMOUNT", description = "Monthly licence fee, e.g. 250.00.")
    String fee;

    @Option(
            names = "--fixed-costs",
            paramLabel = "AMOUNT",
            description = "Monthly fixed costs for the 60 %% cap (default: the fee).")
    String fixedCosts;

    @Option(
            names = "--rounding",
            paramLabel = "MODE",
            description = "whole, started or prorata (default: the policy's).")
    String rounding;

    @Option(names = "--outage", paramLabel = "FROM/TO", description = "An outage (repeatable).")
    List<String> outages = new ArrayList<>();

    @Option(
            names = "--maintenance",
            paramLabel = "FROM/TO@ANNOUNCED",
            description = "Planned maintenance with its announcement instant (repeatable).")
    List<String> maintenance = new ArrayList<>();

    @Option(
            names = "--emergency",
            paramLabel = "FROM/TO[@excluded:REASON]",
            description =
                    "Emergency maintenance; counted as down unless operations excluded it with a reason (repeatable).")
    List<String> emergencies = new ArrayList<>();

    @Option(
            names = "--excluded",
            paramLabel = "FROM/TO[@KIND]",
            description = "Other exclusion, KIND one of force-majeure (default), customer-caused, "
                    + "administrative-block, connection-outage, not-delivered (repeatable).")
    List<String> exclusions = new ArrayList<>();

    @Option(names = "--unknown", paramLabel = "FROM/TO", description = "Time the monitoring did not run (repeatable).")
    List<String> unknown = new ArrayList<>();

    private CliArgs time;

    @Override
    public Integer call() {
        CliArgs time = new CliArgs(spec.commandLine());
        this.time = time;
        YearMonth yearMonth = time.parse("--month", month, YearMonth::parse, "is not a month like 2026-11");
        SlaLevel slaLevel = time.parse(
                "--level",
                level,
                v -> SlaLevel.valueOf(v.toUpperCase(Locale.ROOT)),
                "is not a level (A, N, B, HA, HS, HN, HB)");
        ServiceKind kind = time.parse(
                "--service",
                service,
                ServiceKind::fromWireName,
                "is not a service kind (hosted-pbx, sip-trunk, connectivity, mobile)");
        BigDecimal licenceFee = money("--fee", fee);
        BigDecimal fixed = fixedCosts == null ? licenceFee : money("--fixed-costs", fixedCosts);

        SlaPolicy policy = PolicyLoader.loadDefault().policyFor(yearMonth);
        var creditPolicy = rounding == null
                ? policy.credit()
                : policy.credit()
                        .withRounding(time.parse(
                                "--rounding",
                                rounding,
                                CreditRounding::fromWireName,
                                "is not whole, started or prorata"));

        AvailabilityInput.Builder input = AvailabilityInput.forMonth(yearMonth);
        outages.forEach(o -> input.outage(time.interval("--outage", o)));
        unknown.forEach(u -> input.unknown(time.interval("--unknown", u)));
        for (String m : maintenance) {
            String[] parts = m.split("@", 2);
            if (parts.length != 2) {
                throw time.bad("--maintenance", m, "needs its announcement: FROM/TO@ANNOUNCED");
            }
            input.planned(new PlannedMaintenance(
                    time.interval("--maintenance", parts[0]), time.instant("--maintenance", parts[1]), "cli"));
        }
        for (String e : emergencies) {
            String[] parts = e.split("@", 2);
            Interval window = time.interval("--emergency", parts[0]);
            if (parts.length == 1) {
                input.emergency(EmergencyMaintenance.counted(window, "cli"));
            } else if (parts[1].startsWith("excluded:") && parts[1].length() > "excluded:".length()) {
                input.emergency(EmergencyMaintenance.excluded(window, "cli", parts[1].substring("excluded:".length())));
            } else {
                throw time.bad("--emergency", e, "takes @excluded:REASON after the interval");
            }
        }
        for (String x : exclusions) {
            String[] parts = x.split("@", 2);
            ExclusionKind exclusionKind = parts.length == 1
                    ? ExclusionKind.FORCE_MAJEURE
                    : time.parse(
                            "--excluded",
                            parts[1],
                            v -> ExclusionKind.valueOf(
                                    v.toUpperCase(Locale.ROOT).replace('-', '_')),
                            "names no exclusion kind");
            input.exclusion(new Exclusion(time.interval("--excluded", parts[0]), exclusionKind, "cli"));
        }

        var terms = policy.terms(slaLevel, kind);
        AvailabilityResult availability = AvailabilityCalculator.calculate(input.build(), policy.availability());
        CreditResult credit = CreditCalculator.calculate(availability, creditPolicy, terms, licenceFee, fixed);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("month", yearMonth.toString());
        out.put("level", slaLevel.name());
        out.put("service", kind.wireName());
        out.put("totalMinutes", availability.totalMinutes());
        out.put("excludedMinutes", availability.excludedMinutes());
        out.put("downMinutes", availability.downMinutes());
        out.put("unknownMinutes", availability.unknownMinutes());
        out.put("emergencyDownMinutes", availability.emergencyDownMinutes());
        out.put("availability", availability.availabilityPercent());
        out.put("availabilityKpi", terms.availabilityKpi());
        out.put("kpiMet", availability.meets(terms.availabilityKpi())); // exact, not the 4-decimal figure
        out.put("rounding", credit.rounding().wireName());
        out.put("creditPercent", credit.creditPercent());
        out.put("credit", credit.amount().toPlainString());
        out.put("capped", credit.capped());
        out.put("explanation", credit.explanation());
        out.put(
                "downIntervals",
                availability.downIntervals().stream()
                        .map(d -> ordered(
                                "from",
                                CliArgs.format(d.interval().start()),
                                "to",
                                CliArgs.format(d.interval().end()),
                                "observed",
                                d.observed().name().toLowerCase(Locale.ROOT)))
                        .toList());
        out.put(
                "excludedIntervals",
                availability.excludedIntervals().stream()
                        .map(d -> ordered(
                                "from",
                                CliArgs.format(d.interval().start()),
                                "to",
                                CliArgs.format(d.interval().end()),
                                "kind",
                                d.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                                "reason",
                                d.reason(),
                                "rule",
                                d.ruleId()))
                        .toList());
        out.put("policy", policy.id());
        var rules = new TreeSet<>(RuleIds.ORDER);
        rules.addAll(availability.rulesApplied());
        rules.addAll(credit.rules());
        out.put("rules", rules);
        spec.commandLine().getOut().println(Json.write(out));
        return 0;
    }

    /** A JSON object whose keys keep the order given (byte-stable output). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private BigDecimal money(String option, String value) {
        BigDecimal amount = time.parse(option, value, BigDecimal::new, "is not an amount like 250.00");
        if (amount.signum() < 0) {
            throw time.bad(option, value, "is negative");
        }
        return amount;
    }
}
