package nl.vioms.sladesk.core.monthend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The month's restore-time breaches of one contract as claims for finance to decide (the SLA's
 * compensation "when the maximum restore time is exceeded", issue 20). Listed, never added to the
 * availability credit (R25 stays as it is): finance decides.
 *
 * @param amountPerBreach the policy's {@code credit.restoreBreachCompensation}; null when none is set
 * @param count           the number of claims
 * @param total           count x amount per breach; null when the policy sets no amount
 * @param claims          one per incident of the month whose restore target was breached, in report order
 */
public record RestoreClaims(
        @Nullable BigDecimal amountPerBreach,
        int count,
        @Nullable BigDecimal total,
        List<Claim> claims) {

    public RestoreClaims {
        claims = List.copyOf(claims);
    }

    /**
     * One breached restore target.
     *
     * @param resolvedAt null while the ticket is still open
     * @param hoursLate  clock hours from the restore deadline to the resolution, 2 decimals HALF_UP; for
     *                   a ticket still open, to the end of the month (so a later run does not change it)
     * @param amount     the policy's amount per breach, or null
     */
    public record Claim(
            String number,
            String priority,
            @Nullable String serviceId,
            String restoreDue,
            @Nullable String resolvedAt,
            boolean stillOpen,
            BigDecimal hoursLate,
            @Nullable BigDecimal amount) {}

    /** The claims of the month's incidents (already in report order) whose restore was breached. */
    static RestoreClaims of(List<TicketLine> lines, @Nullable BigDecimal amountPerBreach, Instant monthEnd) {
        List<Claim> claims = lines.stream()
                .filter(t -> TicketLine.BREACHED.equals(t.restore()) && t.restoreDue() != null)
                .map(t -> {
                    Instant due = OffsetDateTime.parse(t.restoreDue()).toInstant();
                    Instant until = t.resolvedAt() == null
                            ? monthEnd
                            : OffsetDateTime.parse(t.resolvedAt()).toInstant();
                    Duration late = Duration.between(due, until);
                    BigDecimal hours = BigDecimal.valueOf(late.isNegative() ? 0 : late.toSeconds())
                            .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
                    return new Claim(
                            t.number(),
                            t.priority(),
                            t.serviceId(),
                            t.restoreDue(),
                            t.resolvedAt(),
                            t.resolvedAt() == null,
                            hours,
                            amountPerBreach);
                })
                .toList();
        BigDecimal total = amountPerBreach == null
                ? null
                : amountPerBreach.multiply(BigDecimal.valueOf(claims.size())).setScale(2, RoundingMode.HALF_UP);
        return new RestoreClaims(
                amountPerBreach == null ? null : amountPerBreach.setScale(2, RoundingMode.HALF_UP),
                claims.size(),
                total,
                claims);
    }
}
