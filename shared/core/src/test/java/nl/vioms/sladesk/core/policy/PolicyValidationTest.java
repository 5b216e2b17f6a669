package nl.vioms.sladesk.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PolicyValidationTest {

    /** Exactly one error, on the named field, whose message contains the fragment. */
    private static void assertSingleError(Consumer<ObjectNode> edit, String field, String fragment) {
        List<PolicyFinding> errors = PolicyJson.findingsAfter(edit).stream()
                .filter(PolicyFinding::isError)
                .toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(field, errors.get(0).field());
        assertTrue(errors.get(0).message().contains(fragment), errors.get(0).message());
    }

    // ---- warnings: R15's known contradictions, kept as written ----

    @Test
    void warns24x7P2RestoreShorterThanP1R15() {
        List<PolicyFinding> warnings = PolicyJson.findingsAfter(p -> {});
        PolicyFinding w = warnings.stream()
                .filter(f -> f.field().equals("vioms-sla-2024.contractTargetsAsWritten.TWENTY_FOUR_SEVEN.P2.restore"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(warnings.toString()));
        assertEquals(PolicyFinding.Severity.WARNING, w.severity());
        assertTrue(
                w.message().contains("PT4H")
                        && w.message().contains("PT8H")
                        && w.message().contains("R15"),
                w.message());
    }

    @Test
    void warnsHostedPbxOverridesLevelBR15() {
        List<PolicyFinding> warnings = PolicyJson.findingsAfter(p -> {});
        List<PolicyFinding> pbx = warnings.stream()
                .filter(f -> f.field().startsWith("vioms-sla-2024.serviceKinds.hosted-pbx.levelTargets.B."))
                .toList();
        assertEquals(2, pbx.size(), "P1 and P2: " + warnings);
        assertTrue(pbx.stream()
                .allMatch(f -> f.severity() == PolicyFinding.Severity.WARNING
                        && f.message().contains("R15")
                        && f.message().contains("best effort")));
    }

    @Test
    void noWarningWhenTheContradictionsAreRemoved() {
        List<PolicyFinding> findings = PolicyJson.findingsAfter(p -> {
            PolicyJson.at(p, "contractTargetsAsWritten.TWENTY_FOUR_SEVEN.P2").put("restore", "PT8H");
            PolicyJson.at(p, "serviceKinds.hosted-pbx").putObject("levelTargets");
        });
        assertEquals(List.of(), findings);
    }

    // ---- errors ----

    @Test
    void rejectsNegativeDuration() {
        assertSingleError(
                p -> PolicyJson.at(p, "levels.N.targets.P1").put("restore", "-PT1H"),
                "vioms-sla-2024.levels.N.targets.P1.restore",
                "positive duration");
    }

    @Test
    void rejectsZeroDuration() {
        assertSingleError(p -> p.put("acknowledge", "PT0S"), "vioms-sla-2024.acknowledge", "positive duration");
    }

    @Test
    void rejectsUnparseableDuration() {
        assertSingleError(
                p -> PolicyJson.at(p, "levels.A.targets.P1").put("response", "2h"),
                "vioms-sla-2024.levels.A.targets.P1.response",
                "ISO-8601");
    }

    @Test
    void rejectsKpiZeroOrAbove100() {
        assertSingleError(
                p -> PolicyJson.at(p, "levels.A").put("availabilityKpi", BigDecimal.ZERO),
                "vioms-sla-2024.levels.A.availabilityKpi",
                "(0, 100]");
        assertSingleError(
                p -> PolicyJson.at(p, "levels.HB").put("availabilityKpi", new BigDecimal("100.01")),
                "vioms-sla-2024.levels.HB.availabilityKpi",
                "100.01");
    }

    @Test
    void acceptsKpiOf100() {
        assertTrue(PolicyJson.findingsAfter(p -> PolicyJson.at(p, "levels.A").put("availabilityKpi", 100)).stream()
                .noneMatch(PolicyFinding::isError));
    }

    @Test
    void rejectsThresholdOutside0To100() {
        assertSingleError(
                p -> PolicyJson.at(p, "credit").put("threshold", 0), "vioms-sla-2024.credit.threshold", "(0, 100]");
        assertSingleError(
                p -> PolicyJson.at(p, "credit").put("threshold", new BigDecimal("100.5")),
                "vioms-sla-2024.credit.threshold",
                "(0, 100]");
    }

    @Test
    void rejectsStepZeroOrNegative() {
        assertSingleError(
                p -> PolicyJson.at(p, "credit").put("step", 0), "vioms-sla-2024.credit.step", "greater than 0");
        assertSingleError(
                p -> PolicyJson.at(p, "credit").put("step", -1), "vioms-sla-2024.credit.step", "greater than 0");
    }

    @Test
    void restoreBreachCompensationIsAnAmountOrNull() {
        assertSingleError(
                p -> PolicyJson.at(p, "credit").put("restoreBreachCompensation", -5),
                "vioms-sla-2024.credit.restoreBreachCompensation",
                "0 or more");
        assertSingleError(
                p -> PolicyJson.at(p, "credit").put("restoreBreachCompensation", new BigDecimal("12.505")),
                "vioms-sla-2024.credit.restoreBreachCompensation",
                "at most 2 decimals");
        assertEquals(
                List.of(),
                PolicyJson.findingsAfter(p -> PolicyJson.at(p, "credit").put("restoreBreachCompensation", 25)).stream()
                        .filter(PolicyFinding::isError)
                        .toList());
    }

    @Test
    void rejectsCapOutside0To100ButAcceptsZero() {
        assertSingleError(
                p -> PolicyJson.at(p, "credit").put("capPercentOfFixedCosts", -1),
                "vioms-sla-2024.credit.capPercentOfFixedCosts",
                "[0, 100]");
        assertSingleError(
                p -> PolicyJson.at(p, "credit").put("capPercentOfFixedCosts", 101),
                "vioms-sla-2024.credit.capPercentOfFixedCosts",
                "[0, 100]");
        assertTrue(PolicyJson.findingsAfter(p -> PolicyJson.at(p, "credit").put("capPercentOfFixedCosts", 0)).stream()
                .noneMatch(PolicyFinding::isError));
    }

    @Test
    void rejectsUnknownRounding() {
        assertSingleError(
                p -> PolicyJson.at(p, "credit").put("rounding", "half"),
                "vioms-sla-2024.credit.rounding",
                "whole, started, prorata");
    }

    @Test
    void rejectsResponseLongerThanRestore() {
        assertSingleError(
                p -> PolicyJson.at(p, "levels.A.targets.P1").put("response", "PT9H"),
                "vioms-sla-2024.levels.A.targets.P1.response",
                "longer than restore");
    }

    @Test
    void rejectsResponseLongerThanRestoreInAnOverride() {
        // the override differs from B's row anyway, so only the error is new
        List<PolicyFinding> errors = PolicyJson.findingsAfter(
                        p -> PolicyJson.at(p, "serviceKinds.hosted-pbx.levelTargets.B.P1")
                                .put("restore", "PT3H"))
                .stream()
                .filter(PolicyFinding::isError)
                .toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(
                "vioms-sla-2024.serviceKinds.hosted-pbx.levelTargets.B.P1.response",
                errors.get(0).field());
    }

    @Test
    void rejectsMissingLevel() {
        assertSingleError(p -> ((ObjectNode) p.get("levels")).remove("HS"), "vioms-sla-2024.levels.HS", "missing");
    }

    @Test
    void rejectsMissingServiceKind() {
        assertSingleError(
                p -> ((ObjectNode) p.get("serviceKinds")).remove("mobile"),
                "vioms-sla-2024.serviceKinds.mobile",
                "missing");
    }

    @Test
    void rejectsValidToNotAfterValidFrom() {
        assertSingleError(p -> p.put("validTo", "2024-01-01"), "vioms-sla-2024.validTo", "must be after validFrom");
        assertSingleError(p -> p.put("validTo", "2023-06-01"), "vioms-sla-2024.validTo", "must be after validFrom");
    }

    @Test
    void rejectsOverlappingValidityPeriods() {
        // v2025 ends 2026-01-01 (exclusive); v2026 starting 2025-12-31 overlaps it by one day
        String json = PolicyJson.twoVersions().replace("\"validFrom\":\"2026-01-01\"", "\"validFrom\":\"2025-12-31\"");
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyJson.load(json));
        List<PolicyFinding> errors =
                e.findings().stream().filter(PolicyFinding::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("overlaps"), errors.get(0).message());
    }

    @Test
    void adjacentPeriodsDoNotOverlap() {
        PolicySet set = PolicyJson.load(PolicyJson.twoVersions());
        assertEquals(2, set.policies().size());
    }

    @Test
    void reportsAllErrorsAtOnce() {
        PolicyException e = assertThrows(
                PolicyException.class,
                () -> PolicyJson.load(edited(p -> {
                    PolicyJson.at(p, "credit").put("step", 0).put("threshold", 101);
                    ((ObjectNode) p.get("levels")).remove("A");
                    p.put("acknowledge", "-PT1H");
                })));
        assertEquals(4, e.findings().stream().filter(PolicyFinding::isError).count(), e.getMessage());
        assertTrue(
                e.getMessage().contains("credit.step")
                        && e.getMessage().contains("credit.threshold")
                        && e.getMessage().contains("levels.A")
                        && e.getMessage().contains("acknowledge"),
                e.getMessage());
    }

    @Test
    void rejectsUnknownFieldAndBrokenJson() {
        var typo = assertThrows(PolicyException.class, () -> PolicyJson.load(edited(p -> p.put("tresholdTypo", 1))));
        assertTrue(typo.getMessage().contains("policies[0] has an unknown field 'tresholdTypo'"), typo.getMessage());
        var nested = assertThrows(
                PolicyException.class,
                () -> PolicyJson.load(edited(p -> p.with("credit").put("stepp", 1))));
        assertTrue(
                nested.getMessage().contains("policies[0].credit has an unknown field 'stepp'"), nested.getMessage());
        var wrongType =
                assertThrows(PolicyException.class, () -> PolicyJson.load(edited(p -> p.put("acknowledge", 15))));
        assertTrue(wrongType.getMessage().contains("acknowledge is not a string"), wrongType.getMessage());
        assertThrows(PolicyException.class, () -> PolicyJson.load("{\"policies\": ["));
    }

    @Test
    void policySetConstructorValidatesRecordsToo() {
        SlaPolicy ok = PolicyLoader.loadDefault().policies().get(0);
        CreditPolicy badCredit = new CreditPolicy(
                ok.credit().threshold(),
                BigDecimal.ZERO,
                ok.credit().percentPerStep(),
                ok.credit().capPercentOfFixedCosts(),
                CreditRounding.WHOLE);
        SlaPolicy bad = new SlaPolicy(
                ok.id(),
                ok.validity(),
                ok.holidays(),
                ok.acknowledge(),
                ok.levels(),
                ok.serviceKinds(),
                ok.contractTargetsAsWritten(),
                ok.availability(),
                badCredit);
        assertTrue(PolicyValidation.validate(bad).stream()
                .anyMatch(f -> f.isError() && f.field().endsWith("credit.step")));
        assertThrows(PolicyException.class, () -> PolicySet.of(bad));
    }

    private static String edited(Consumer<ObjectNode> edit) {
        ObjectNode doc = PolicyJson.defaultDocument();
        edit.accept(PolicyJson.firstPolicy(doc));
        return doc.toString();
    }
}
