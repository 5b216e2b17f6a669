package nl.vioms.sladesk.core.policy;

/** R14: a support contract is either 24x7 (levels A and HA) or office hours (all others). */
public enum ContractType {
    TWENTY_FOUR_SEVEN,
    OFFICE_HOURS
}
