package nl.vioms.sladesk.aws;

/**
 * Every environment variable a function reads. The template test checks that each one a
 * function's code names is set for that function in template.yaml.
 */
public enum EnvVar {
    TICKETS_TABLE,
    DIRECTORY_TABLE,
    MONITORING_TABLE,
    OUTBOX_TABLE,
    REPORTS_TABLE,
    ESCALATIONS_TOPIC_ARN,
    OPERATIONS_TOPIC_ARN,
    MAIL_BUCKET,
    REPORTS_BUCKET,
    /** Tickets' attachments (issue 18): the portal's presigned uploads and downloads, the console's downloads. */
    ATTACHMENTS_BUCKET,
    /** The support address SES receives for; mail from it is a loop. */
    SUPPORT_ADDRESS,
    /** Base URL of the HTTP API, for links to a ticket in messages. */
    PUBLIC_BASE_URL,
    /**
     * The out-of-hours phone number for A/HA faults (R7). Set for the functions whose ticket changes
     * customers hear of by mail (issue 16): their ticket service plans the mails.
     */
    OUT_OF_HOURS_NUMBER,
    /** The mail table: suppressed addresses and hourly send counters (issue 16). */
    MAIL_TABLE,
    /** The SES configuration set every outbound mail is sent with (its events reach MailFeedbackTopic). */
    MAIL_CONFIGURATION_SET,
    /** At most this many mails to one address per clock hour (default 10). */
    MAIL_HOURLY_LIMIT,
    /**
     * Issue 19: {@code on} (default) links matching reports to an open major incident by themselves;
     * {@code off} leaves linking to operations (the storm benchmark's baseline).
     */
    MAJOR_INCIDENT_LINKING,
    /** The month-end function's name: the console runs a closed month again through it (issue 17). */
    MONTH_END_FUNCTION,
    /** The console's Cognito user pool (issue 17): its id, the issuer of the tokens it verifies. */
    CONSOLE_USER_POOL_ID,
    /** The console's app client in that pool: the audience of its ID tokens. */
    CONSOLE_CLIENT_ID,
    /** Sessions ended by logout before their token expired (decision 26). */
    CONSOLE_SESSIONS_TABLE,
    /** The console roles (Cognito groups, comma-separated) that must log in with an authenticator app. */
    CONSOLE_TOTP_ROLES
}
