package nl.vioms.sladesk.aws;

import java.time.Clock;
import nl.vioms.sladesk.app.mail.MailPlanner;
import nl.vioms.sladesk.app.mail.MailSettings;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.attachments.AttachmentFiles;
import nl.vioms.sladesk.aws.attachments.AttachmentRepository;
import nl.vioms.sladesk.aws.attachments.PresignedPost;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.mail.MailRepository;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.aws.reports.ReportsRepository;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.PolicySet;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The composition root of a function: every service and repository a handler needs, built from
 * the environment, the SDK clients and the clock, each on first call and then kept (the policy is
 * loaded once). A handler builds one in its constructor and takes what it uses.
 *
 * <p>Plain fields and methods only, no {@code this::buildX} references or suppliers: a method
 * reference is resolved when the object is built and would load SDK classes (SNS, S3) that a
 * function's jar does not carry (see {@link AwsClients}). A method that is never called loads
 * nothing.
 */
public final class Services {
    private final Environment env;
    private final AwsClients aws;
    private final Clock clock;
    private PolicySet policies;
    private TicketRepository ticketRepository;
    private TicketService ticketService;
    private TicketClocks clocks;
    private MailPlanner mailPlanner;
    private DirectoryRepository directory;
    private OutboxRepository outbox;
    private MonitoringRepository monitoring;
    private ProbeRepository probeRepository;
    private ReportsRepository reports;
    private MailRepository mail;
    private AttachmentRepository attachments;
    private AttachmentFiles attachmentFiles;

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public Services(Environment env, AwsClients clients, Clock clock) {
        this.env = env;
        this.aws = clients != null ? clients : AwsClients.forLambda(env);
        this.clock = clock;
    }

    public Environment environment() {
        return env;
    }

    public Clock clock() {
        return clock;
    }

    /** A variable of the function's own configuration (a bucket, an address); an error names it. */
    public String setting(EnvVar name) {
        return env.require(name);
    }

    public DynamoDbClient dynamo() {
        return aws.dynamo();
    }

    /** The console's user pool (issue 17). */
    public CognitoIdentityProviderClient cognito() {
        return aws.cognito();
    }

    /** The issuer of the tokens of a user pool (see {@link AwsClients#cognitoIssuer}). */
    public String cognitoIssuer(String userPoolId) {
        return aws.cognitoIssuer(userPoolId);
    }

    public S3Client s3() {
        return aws.s3();
    }

    public SnsClient sns() {
        return aws.sns();
    }

    /** SES v2 (the mailer); locally the mail emulator. */
    public SesV2Client ses() {
        return aws.ses();
    }

    /** Lambda: the console invokes the month-end function with it. */
    public LambdaClient lambda() {
        return aws.lambda();
    }

    /** The region the SDK clients talk to. */
    public Region region() {
        return aws.region();
    }

    private boolean automaticLinking() {
        String setting = env.optional(EnvVar.MAJOR_INCIDENT_LINKING, "on");
        if (!setting.equals("on") && !setting.equals("off")) {
            throw new IllegalStateException(EnvVar.MAJOR_INCIDENT_LINKING + " is '" + setting + "'; it is on or off");
        }
        return setting.equals("on");
    }

    /** The SLA policies, loaded once. */
    public synchronized PolicySet policies() {
        if (policies == null) {
            policies = PolicyLoader.loadDefault();
        }
        return policies;
    }

    /** The ticket store; it writes escalations to the outbox in the same transaction (R17). */
    public synchronized TicketRepository ticketRepository() {
        if (ticketRepository == null) {
            ticketRepository = new TicketRepository(
                    aws.dynamo(), env.require(EnvVar.TICKETS_TABLE), env.require(EnvVar.OUTBOX_TABLE));
        }
        return ticketRepository;
    }

    /**
     * Opening tickets, recording events, their clocks; links in messages start at the public URL.
     * Where the function plans mail ({@link #mailPlanner}), each change also writes its mails.
     */
    public synchronized TicketService ticketService() {
        if (ticketService == null) {
            ticketService = new TicketService(
                            ticketRepository(),
                            clocks(),
                            new PriorityClassifier(),
                            clock,
                            env.require(EnvVar.PUBLIC_BASE_URL),
                            mailPlanner())
                    .withAutomaticLinking(automaticLinking());
        }
        return ticketService;
    }

    /** The clocks of tickets under the loaded policies. */
    public synchronized TicketClocks clocks() {
        if (clocks == null) {
            clocks = new TicketClocks(policies());
        }
        return clocks;
    }

    /**
     * Who is mailed what (issue 16), or null in a function the template gives no out-of-hours
     * number: only the intakes plan mail, since their changes are what customers hear of.
     */
    public synchronized MailPlanner mailPlanner() {
        if (!env.has(EnvVar.OUT_OF_HOURS_NUMBER)) {
            return null;
        }
        if (mailPlanner == null) {
            mailPlanner = new MailPlanner(
                    directory(),
                    clocks(),
                    new MailSettings(
                            env.require(EnvVar.SUPPORT_ADDRESS),
                            env.require(EnvVar.OUT_OF_HOURS_NUMBER),
                            env.require(EnvVar.PUBLIC_BASE_URL)));
        }
        return mailPlanner;
    }

    public synchronized DirectoryRepository directory() {
        if (directory == null) {
            directory = new DirectoryRepository(aws.dynamo(), env.require(EnvVar.DIRECTORY_TABLE));
        }
        return directory;
    }

    public synchronized OutboxRepository outbox() {
        if (outbox == null) {
            outbox = new OutboxRepository(aws.dynamo(), env.require(EnvVar.OUTBOX_TABLE));
        }
        return outbox;
    }

    public synchronized MonitoringRepository monitoring() {
        if (monitoring == null) {
            monitoring = new MonitoringRepository(aws.dynamo(), env.require(EnvVar.MONITORING_TABLE));
        }
        return monitoring;
    }

    /** Probe targets, streaks and results: the monitoring table too. */
    public synchronized ProbeRepository probeRepository() {
        if (probeRepository == null) {
            probeRepository = new ProbeRepository(aws.dynamo(), env.require(EnvVar.MONITORING_TABLE));
        }
        return probeRepository;
    }

    public synchronized ReportsRepository reports() {
        if (reports == null) {
            reports = new ReportsRepository(aws.dynamo(), env.require(EnvVar.REPORTS_TABLE));
        }
        return reports;
    }

    /** Suppressed addresses and hourly send counters (issue 16). */
    public synchronized MailRepository mail() {
        if (mail == null) {
            mail = new MailRepository(aws.dynamo(), env.require(EnvVar.MAIL_TABLE));
        }
        return mail;
    }

    /** A ticket's attachment items (issue 18), in the tickets table. */
    public synchronized AttachmentRepository attachments() {
        if (attachments == null) {
            attachments = new AttachmentRepository(aws.dynamo(), env.require(EnvVar.TICKETS_TABLE));
        }
        return attachments;
    }

    /** The attachments bucket: presigned uploads and downloads at the endpoint the browser reaches. */
    public synchronized AttachmentFiles attachmentFiles() {
        if (attachmentFiles == null) {
            String bucket = env.require(EnvVar.ATTACHMENTS_BUCKET);
            attachmentFiles = new AttachmentFiles(
                    aws.s3(),
                    aws.s3Presigner(),
                    bucket,
                    aws.s3BucketUrl(bucket),
                    () -> {
                        AwsCredentials c = aws.credentials();
                        String token = c instanceof AwsSessionCredentials session ? session.sessionToken() : null;
                        return new PresignedPost.Signer(
                                c.accessKeyId(),
                                c.secretAccessKey(),
                                token,
                                aws.region().id());
                    },
                    clock);
        }
        return attachmentFiles;
    }
}
