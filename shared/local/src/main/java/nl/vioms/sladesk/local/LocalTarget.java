package nl.vioms.sladesk.local;

import java.util.Optional;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.emulators.LocalAws;

/** The local system as an operator's target: the emulators ./sladesk up runs (or started for one command). */
final class LocalTarget implements OperatorTarget {
    private final LocalAws aws;
    private final boolean owned;

    private LocalTarget(LocalAws aws, boolean owned) {
        this.aws = aws;
        this.owned = owned;
    }

    /** The running ./sladesk up, or emulators on its data folder for this command. */
    static LocalTarget open() {
        return new LocalTarget(RunningSystem.open(), true);
    }

    /** A local system someone else opened and closes (tests, ./sladesk up). */
    static LocalTarget of(LocalAws aws) {
        return new LocalTarget(aws, false);
    }

    @Override
    public AwsClients clients() {
        return aws.clients();
    }

    @Override
    public String tableName(String logicalId) {
        return aws.resources().tableName(logicalId);
    }

    @Override
    public Environment environmentOf(String functionLogicalId) {
        return aws.environmentOf(functionLogicalId);
    }

    @Override
    public String functionName(String logicalId) {
        if (aws.template().function(logicalId).isEmpty()) {
            throw new IllegalArgumentException("template.yaml has no function " + logicalId);
        }
        return logicalId;
    }

    @Override
    public Optional<LocalAws> local() {
        return Optional.of(aws);
    }

    @Override
    public String invoke(String functionLogicalId, String event) {
        throw new UnsupportedOperationException("the local system runs " + functionLogicalId + " in this process");
    }

    @Override
    public void close() {
        if (owned) {
            aws.close();
        }
    }
}
