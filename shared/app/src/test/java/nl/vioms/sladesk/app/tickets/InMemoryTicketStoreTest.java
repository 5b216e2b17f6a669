package nl.vioms.sladesk.app.tickets;

import org.junit.jupiter.api.BeforeEach;

/** The in-memory store keeps the store contract (as the DynamoDB adapter does, in shared/aws-tests). */
class InMemoryTicketStoreTest extends TicketStoreContract {
    private InMemoryTicketStore store;

    @BeforeEach
    void newStore() {
        store = new InMemoryTicketStore();
    }

    @Override
    protected TicketStore store() {
        return store;
    }
}
