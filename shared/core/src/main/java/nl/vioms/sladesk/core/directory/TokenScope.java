package nl.vioms.sladesk.core.directory;

/** What an API token may do: a reseller its own tickets, telephony phone intake, operations all. */
public enum TokenScope { RESELLER, OPERATIONS, TELEPHONY }
