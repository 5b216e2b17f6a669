package nl.vioms.sladesk.aws.tickets;

import nl.vioms.sladesk.app.tickets.TicketStore;
import nl.vioms.sladesk.app.tickets.TicketStoreContract;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB adapter keeps the store contract, on the tickets and outbox tables of template.yaml. */
@ExtendWith(AwsEmulators.class)
class TicketRepositoryContractTest extends TicketStoreContract {
    private static TicketRepository repository;

    @BeforeAll
    static void setUp(LocalAws aws) {
        var env = aws.environmentOf("IntakeApiFunction");
        repository = new TicketRepository(
                aws.clients().dynamo(), env.require(EnvVar.TICKETS_TABLE), env.require(EnvVar.OUTBOX_TABLE));
    }

    @Override
    protected TicketStore store() {
        return repository;
    }
}
