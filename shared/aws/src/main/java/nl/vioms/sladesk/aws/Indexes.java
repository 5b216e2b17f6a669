package nl.vioms.sladesk.aws;

/** Every secondary index the code queries (see docs/data-model.md for the access patterns). */
public final class Indexes {
    private Indexes() {}

    /** Outbox messages by delivery state, oldest first: operations' view of escalations. */
    public static final IndexRef OUTBOX_BY_STATE =
            new IndexRef("OutboxTable", "by-state", "deliveryState", "createdAt");

    /** A reseller's open (or done) tickets, by creation: {@code RESELLER#r1#open}. */
    public static final IndexRef TICKETS_BY_RESELLER =
            new IndexRef("TicketsTable", "by-reseller", "resellerKey", "createdAt");

    /**
     * The next SLA checkpoint (warning, breach) of every open clock, write-sharded over
     * {@code DUE#00..DUE#07}. Sparse: only tickets with a checkpoint ahead carry it.
     */
    public static final IndexRef TICKETS_DUE = new IndexRef("TicketsTable", "due", "dueShard", "dueAt");

    /** Open tickets in work-queue order (R11): priority, then creation. Sparse: open tickets only. */
    public static final IndexRef TICKETS_QUEUE = new IndexRef("TicketsTable", "queue", "queue", "queueOrder");

    /** Every customer (contract), by id: what month-end iterates. One partition value, {@code CUSTOMER}. */
    public static final IndexRef DIRECTORY_CUSTOMERS = new IndexRef("DirectoryTable", "customers", "entity", "id");

    /**
     * A customer's tickets by creation (month-end: the incidents of a month). Sparse: triage tickets have no customer.
     */
    public static final IndexRef TICKETS_BY_CUSTOMER =
            new IndexRef("TicketsTable", "by-customer", "customerId", "createdAt");

    /**
     * The mails of one thread (a ticket number, or {@code maintenance#<window>}), oldest first. Sparse: mail
     * messages only (issue 16).
     */
    public static final IndexRef OUTBOX_BY_THREAD = new IndexRef("OutboxTable", "by-thread", "thread", "createdAt");

    /**
     * A sent mail by the Message-ID its recipient sees (SES's, without brackets, lower case), so a reply's
     * In-Reply-To finds its ticket. Sparse: accepted mails only (issue 16).
     */
    public static final IndexRef OUTBOX_BY_MAIL_ID = new IndexRef("OutboxTable", "by-mail-id", "mailMessageId", null);
}
