package nl.vioms.sladesk.emulators;

import java.net.URI;

/** Real implementations of the AWS wire protocols that SLA Desk runs against locally. */
public interface EmulatorBackend extends AutoCloseable {
    URI dynamoEndpoint();

    /** SNS, SQS and S3 share one endpoint on both backends. */
    URI messagingEndpoint();

    /**
     * SES v2 (the mailer, issue 16): aws-ses-v2-local on the Node backend; null where the backend offers none
     * (then a function that sends mail cannot run on it).
     */
    default URI mailEndpoint() {
        return null;
    }

    /** Cognito user pools (the console's login): cognito-local on the Node backend; null where there is none. */
    default URI cognitoEndpoint() {
        return null;
    }

    /** Whether DynamoDB Streams are emulated (LocalStack: yes; dynalite: no). */
    boolean supportsStreams();

    @Override
    void close();
}
