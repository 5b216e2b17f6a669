package nl.vioms.sladesk.aws;

/**
 * A global secondary index that code queries: which table of template.yaml holds it (by logical
 * id) and its key attributes. Declared in {@link Indexes}; the template test fails when the
 * template loses one or changes its keys.
 */
public record IndexRef(String tableLogicalId, String indexName, String partitionKey, String sortKey) {}
