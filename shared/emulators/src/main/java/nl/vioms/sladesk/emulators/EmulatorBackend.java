package nl.vioms.sladesk.emulators;

import java.net.URI;

/** Real implementations of the AWS wire protocols that SLA Desk runs against locally. */
public interface EmulatorBackend extends AutoCloseable {
    URI dynamoEndpoint();

    /** SNS, SQS and S3 share one endpoint on both backends. */
    URI messagingEndpoint();

    /** Whether DynamoDB Streams are emulated (LocalStack: yes; dynalite: no). */
    boolean supportsStreams();

    @Override
    void close();
}
