package nl.vioms.sladesk.testing;

import java.net.URI;
import nl.vioms.sladesk.emulators.EmulatorBackend;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The alternative backend where a Docker engine runs: LocalStack through Testcontainers, asked
 * for with {@code SLADESK_EMULATORS=localstack}.
 */
public final class LocalStackEmulators implements EmulatorBackend {
    static final String IMAGE = "localstack/localstack:4.4";
    private final LocalStackContainer container;

    private LocalStackEmulators(LocalStackContainer container) {
        this.container = container;
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static LocalStackEmulators start() {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(IMAGE))
                .withServices(
                        LocalStackContainer.Service.DYNAMODB,
                        LocalStackContainer.Service.SNS,
                        LocalStackContainer.Service.SQS,
                        LocalStackContainer.Service.S3);
        container.start();
        return new LocalStackEmulators(container);
    }

    @Override
    public URI dynamoEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI messagingEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public boolean supportsStreams() {
        return true;
    }

    @Override
    public void close() {
        container.stop();
    }
}
