package nl.vioms.sladesk.aws;

/** Every secondary index the code queries (see docs/data-model.md for the access patterns). */
public final class Indexes {
    private Indexes() {
    }

    /** Outbox messages by delivery state, oldest first: operations' view of escalations. */
    public static final IndexRef OUTBOX_BY_STATE =
            new IndexRef("OutboxTable", "by-state", "deliveryState", "createdAt");
}
