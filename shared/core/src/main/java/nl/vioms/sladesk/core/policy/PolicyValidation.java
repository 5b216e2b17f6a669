package nl.vioms.sladesk.core.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Checks SLA policies. Impossible settings are errors; the source's known contradictions (R15)
 * are warnings, because the policy keeps them as written.
 */
public final class PolicyValidation {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PolicyValidation() {}

    /** All findings of several versions, including overlapping validity periods (R24). */
    public static List<PolicyFinding> validate(List<SlaPolicy> policies) {
        List<PolicyFinding> out = new ArrayList<>();
        if (policies == null || policies.isEmpty()) {
            out.add(PolicyFinding.error("policies", "at least one policy is required"));
            return out;
        }
        for (int i = 0; i < policies.size(); i++) {
            check(policies.get(i), name(policies.get(i), i), out);
        }
        for (int i = 0; i < policies.size(); i++) {
            for (int j = i + 1; j < policies.size(); j++) {
                ValidityPeriod a = policies.get(i).validity();
                ValidityPeriod b = policies.get(j).validity();
                if (usable(a) && usable(b) && a.overlaps(b)) {
                    out.add(PolicyFinding.error(
                            name(policies.get(j), j) + ".validFrom",
                            "validity " + b + " overlaps " + name(policies.get(i), i) + " " + a
                                    + "; a date must select exactly one policy (R24)"));
                }
            }
        }
        return List.copyOf(out);
    }

    /** All findings of one version. */
    public static List<PolicyFinding> validate(SlaPolicy policy) {
        return validate(List.of(policy));
    }

    private static String name(SlaPolicy p, int index) {
        return p.id() == null || p.id().isBlank() ? "policies[" + index + "]" : p.id();
    }

    private static boolean usable(@Nullable ValidityPeriod v) {
        return v != null
                && v.validFrom() != null
                && (v.isOpenEnded() || v.validTo().isAfter(v.validFrom()));
    }

    private static void check(SlaPolicy p, String at, List<PolicyFinding> out) {
        ValidityPeriod v = p.validity();
        if (v == null || v.validFrom() == null) {
            out.add(PolicyFinding.error(at + ".validFrom", "is missing"));
        } else if (!v.isOpenEnded() && !v.validTo().isAfter(v.validFrom())) {
            out.add(PolicyFinding.error(
                    at + ".validTo",
                    "validTo " + v.validTo() + " must be after validFrom " + v.validFrom()
                            + " (validTo is exclusive)"));
        }
        if (p.holidays() == null) {
            out.add(PolicyFinding.error(at + ".holidays", "is missing"));
        }
        positive(p.acknowledge(), at + ".acknowledge", true, out);

        for (SlaLevel level : SlaLevel.values()) {
            LevelPolicy row = p.levels().get(level);
            String f = at + ".levels." + level;
            if (row == null) {
                out.add(PolicyFinding.error(f, "level " + level + " is missing (R5 defines A, N, B, HA, HS, HN, HB)"));
                continue;
            }
            if (row.window() == null) {
                out.add(PolicyFinding.error(f + ".window", "is missing"));
            }
            if (row.contract() == null) {
                out.add(PolicyFinding.error(f + ".contract", "is missing"));
            }
            percent(row.availabilityKpi(), f + ".availabilityKpi", false, out);
            targets(row.targets(), f + ".targets", out);
        }
        for (ServiceKind kind : ServiceKind.values()) {
            ServiceKindPolicy kp = p.serviceKinds().get(kind);
            String f = at + ".serviceKinds." + kind.wireName();
            if (kp == null) {
                out.add(PolicyFinding.error(f, "service kind " + kind.wireName() + " is missing"));
                continue;
            }
            kp.levelTargets().forEach((level, overrides) -> {
                String lf = f + ".levelTargets." + level;
                targets(overrides, lf, out);
                LevelPolicy row = p.levels().get(level);
                if (row == null) {
                    return;
                }
                overrides.forEach((prio, t) -> {
                    Targets base = row.targets().getOrDefault(prio, Targets.NONE);
                    if (!Objects.equals(base, t)) {
                        out.add(PolicyFinding.warning(
                                lf + "." + prio,
                                kind.wireName() + " on level " + level + " "
                                        + describe(t) + " overrides the level table's " + describe(base)
                                        + " (R15: the hosted PBX section contradicts R5, kept as written)"));
                    }
                });
            });
        }
        p.contractTargetsAsWritten().forEach((contract, table) -> {
            String f = at + ".contractTargetsAsWritten." + contract;
            targets(table, f, out);
            Duration p1 = restore(table, Priority.P1);
            Duration p2 = restore(table, Priority.P2);
            if (p1 != null && p2 != null && p2.compareTo(p1) < 0) {
                out.add(PolicyFinding.warning(
                        f + ".P2.restore",
                        "P2 restore " + p2 + " is shorter than P1 restore " + p1 + " (R15: R14's " + contract
                                + " table as written; the level table R5 is used)"));
            }
        });
        availability(p.availability(), at + ".availability", out);
        credit(p.credit(), at + ".credit", out);
    }

    private static @Nullable Duration restore(Map<Priority, Targets> table, Priority prio) {
        Targets t = table.get(prio);
        return t == null ? null : t.restore();
    }

    private static void targets(Map<Priority, Targets> table, String at, List<PolicyFinding> out) {
        table.forEach((prio, t) -> {
            String f = at + "." + prio;
            positive(t.response(), f + ".response", false, out);
            positive(t.startWork(), f + ".startWork", false, out);
            positive(t.restore(), f + ".restore", false, out);
            // compared only when both are valid, so one bad value gives one finding
            if (isPositive(t.response())
                    && isPositive(t.restore())
                    && t.response().compareTo(t.restore()) > 0) {
                out.add(PolicyFinding.error(
                        f + ".response",
                        "response " + t.response() + " is longer than restore " + t.restore()
                                + " of the same priority"));
            }
        });
    }

    private static void availability(AvailabilityPolicy a, String at, List<PolicyFinding> out) {
        if (a == null) {
            out.add(PolicyFinding.error(at, "is missing"));
            return;
        }
        positive(a.minimumNotice(), at + ".minimumNotice", true, out);
        for (int i = 0; i < a.regularServiceWindows().size(); i++) {
            RegularServiceWindow w = a.regularServiceWindows().get(i);
            String f = at + ".regularServiceWindows[" + i + "]";
            if (w.days().isEmpty()) {
                out.add(PolicyFinding.error(f + ".days", "needs at least one day"));
            }
            if (w.from() == null || w.to() == null) {
                out.add(PolicyFinding.error(f, "from and to are required"));
            } else if (!w.to().isAfter(w.from())) {
                out.add(PolicyFinding.error(
                        f + ".to", "to " + w.to() + " must be after from " + w.from() + " on the same day"));
            }
        }
    }

    private static void credit(CreditPolicy c, String at, List<PolicyFinding> out) {
        if (c == null) {
            out.add(PolicyFinding.error(at, "is missing"));
            return;
        }
        percent(c.threshold(), at + ".threshold", false, out);
        if (c.step() == null) {
            out.add(PolicyFinding.error(at + ".step", "is missing"));
        } else if (c.step().signum() <= 0) {
            out.add(PolicyFinding.error(
                    at + ".step", "must be greater than 0, is " + c.step().toPlainString()));
        }
        percent(c.percentPerStep(), at + ".percentPerStep", false, out);
        percent(c.capPercentOfFixedCosts(), at + ".capPercentOfFixedCosts", true, out);
        if (c.rounding() == null) {
            out.add(PolicyFinding.error(at + ".rounding", "is missing"));
        }
        BigDecimal perBreach = c.restoreBreachCompensation();
        if (perBreach != null
                && (perBreach.signum() < 0 || perBreach.stripTrailingZeros().scale() > 2)) {
            out.add(PolicyFinding.error(
                    at + ".restoreBreachCompensation",
                    "must be an amount in euros of 0 or more with at most 2 decimals, or null for none, is "
                            + perBreach.toPlainString()));
        }
    }

    /** (0, 100], or [0, 100] when zero is allowed. */
    private static void percent(
            @Nullable BigDecimal value, String field, boolean zeroAllowed, List<PolicyFinding> out) {
        if (value == null) {
            out.add(PolicyFinding.error(field, "is missing"));
            return;
        }
        boolean low = zeroAllowed ? value.signum() < 0 : value.signum() <= 0;
        if (low || value.compareTo(HUNDRED) > 0) {
            out.add(PolicyFinding.error(
                    field,
                    "must be in " + (zeroAllowed ? "[0, 100]" : "(0, 100]") + " percent, is " + value.toPlainString()));
        }
    }

    private static void positive(@Nullable Duration d, String field, boolean required, List<PolicyFinding> out) {
        if (d == null) {
            if (required) {
                out.add(PolicyFinding.error(field, "is missing"));
            }
            return;
        }
        if (d.isNegative() || d.isZero()) {
            out.add(PolicyFinding.error(field, "must be a positive duration, is " + d));
        }
    }

    private static boolean isPositive(@Nullable Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static String describe(Targets t) {
        return "response " + orBestEffort(t.response()) + " / restore " + orBestEffort(t.restore());
    }

    private static String orBestEffort(@Nullable Duration d) {
        return d == null ? "best effort" : d.toString();
    }
}
