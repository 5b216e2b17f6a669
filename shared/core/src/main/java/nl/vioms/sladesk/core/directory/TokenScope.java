package nl.vioms.sladesk.core.directory;

/**
 * What an API token may do: a reseller its own tickets, telephony phone intake, the external
 * second-line helpdesk read tickets and acknowledge escalations (R17), operations all.
 */
public enum TokenScope {
    RESELLER,
    OPERATIONS,
    TELEPHONY,
    SECOND_LINE
}
