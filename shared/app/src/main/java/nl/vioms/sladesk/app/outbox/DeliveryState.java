package nl.vioms.sladesk.app.outbox;

/**
 * Where an outbox message stands: written, published (SNS) or accepted (SES), given up on (in
 * the DLQ), or, for a mail, not sent on purpose (suppressed address, hourly limit; issue 16).
 */
public enum DeliveryState {
    PENDING,
    DELIVERED,
    FAILED,
    SKIPPED
}
