package nl.vioms.sladesk.core.policy;

/**
 * One result of {@link PolicyValidation}.
 *
 * @param severity ERROR makes the policy unusable; WARNING is a known contradiction kept as written
 * @param field    path of the offending field, e.g. {@code policies[0].levels.A.targets.P1.restore}
 * @param message  what is wrong and, where one applies, the rule id
 */
public record PolicyFinding(Severity severity, String field, String message) {

    public enum Severity {
        WARNING,
        ERROR
    }

    public static PolicyFinding error(String field, String message) {
        return new PolicyFinding(Severity.ERROR, field, message);
    }

    public static PolicyFinding warning(String field, String message) {
        return new PolicyFinding(Severity.WARNING, field, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + field + ": " + message;
    }
}
