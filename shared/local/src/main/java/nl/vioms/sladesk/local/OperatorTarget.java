package nl.vioms.sladesk.local;

import java.util.Optional;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.emulators.LocalAws;

/**
 * The system an operator command works on: the local one ({@link LocalTarget}, the emulators of
 * ./sladesk up) or a deployed stack ({@link StackTarget}, {@code ./sladesk --stack NAME}). Commands
 * name resources by their logical ids in template.yaml and get the same answers either way.
 */
interface OperatorTarget extends AutoCloseable {
    /** The SDK clients of the target's region (locally: at the emulators). */
    AwsClients clients();

    /** A table's name, by its logical id (TicketsTable, DirectoryTable, OutboxTable...). */
    String tableName(String logicalId);

    /** What a function's code sees as its environment. */
    Environment environmentOf(String functionLogicalId);

    /** A function's name (locally its logical id; in a stack the deployed function's). */
    String functionName(String logicalId);

    /** The local system behind this target, if it is the local one (its functions run in-process). */
    Optional<LocalAws> local();

    /**
     * Invokes a deployed function (Lambda's RequestResponse) with a JSON event; returns its
     * result. Only for a stack: locally, commands run the handler in this process.
     */
    String invoke(String functionLogicalId, String event);

    @Override
    void close();
}
