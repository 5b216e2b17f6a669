package nl.vioms.sladesk.app.outbox;

/** Where an outbox message stands: written, published to SNS, or given up on (in the DLQ). */
public enum DeliveryState {
    PENDING,
    DELIVERED,
    FAILED
}
