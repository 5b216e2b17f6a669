package nl.vioms.sladesk.core.directory;

/** A Business Partner through which customers are reached (R1). */
public record Reseller(String id, String name) {}
