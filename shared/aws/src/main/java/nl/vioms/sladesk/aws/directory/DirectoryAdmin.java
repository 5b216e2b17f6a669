package nl.vioms.sladesk.aws.directory;

import static nl.vioms.sladesk.aws.Attr.n;
import static nl.vioms.sladesk.aws.Attr.s;
import static nl.vioms.sladesk.aws.Attr.sortable;
import static nl.vioms.sladesk.aws.Attr.string;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.vioms.sladesk.app.directory.AuditEntry;
import nl.vioms.sladesk.app.directory.DirectoryEntries;
import nl.vioms.sladesk.app.directory.Versioned;
import nl.vioms.sladesk.aws.Attr;
import nl.vioms.sladesk.aws.Indexes;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.error.ConflictException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The directory as the console's admin pages edit it: resellers and customers read with their
 * version, created and changed by key in one transaction each (the entry with {@code version =
 * :read}, its lookup items added and removed, and an audit item under the entry's own key), and
 * the audit trail read back. Lists are Queries on the {@code customers} index, never a Scan.
 */
public final class DirectoryAdmin {
    private static final String AUDIT = "AUDIT#";
    /** The audit trail a page shows: the most recent changes. */
    private static final int HISTORY_SHOWN = 50;

    private final DynamoDbClient dynamo;
    private final String table;

    public DirectoryAdmin(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Every reseller, ordered by id: a Query on the {@code customers} index ({@code entity = RESELLER}). */
    public List<Reseller> resellers() {
        return entities(DirectoryRepository.RESELLER_ENTITY, null).stream()
                .map(DirectoryAdmin::toReseller)
                .toList();
    }

    /**
     * The customers, ordered by id; of one reseller when {@code resellerId} is given (the same
     * Query with a filter: the admin's list is read a few times a day, month-end reads them all).
     */
    public List<Customer> customers(String resellerId) {
        return entities(DirectoryRepository.CUSTOMER_ENTITY, resellerId).stream()
                .map(DirectoryRepository::toCustomer)
                .toList();
    }

    public Optional<Versioned<Customer>> customer(String id) {
        return Attr.getItem(dynamo, table, "CUSTOMER#" + id, "CUSTOMER")
                .map(item -> new Versioned<>(DirectoryRepository.toCustomer(item), Attr.number(item, "version")));
    }

    public Optional<Versioned<Reseller>> reseller(String id) {
        return Attr.getItem(dynamo, table, "RESELLER#" + id, "RESELLER")
                .map(item -> new Versioned<>(toReseller(item), Attr.number(item, "version")));
    }

    /**
     * The addresses, domains and numbers of {@code customer} that belong to another customer
     * already, as form faults by field (a sender or caller must lead to one customer only).
     */
    public Map<String, String> takenLookups(Customer customer) {
        Map<String, String> faults = new LinkedHashMap<>();
        check(faults, "emails", "EMAIL#", customer.emailAddresses(), customer.id());
        check(faults, "domains", "DOMAIN#", customer.emailDomains(), customer.id());
        check(faults, "phones", "PHONE#", customer.phoneNumbers(), customer.id());
        return faults;
    }

    /** A new customer; a customer with that id already is a conflict. */
    public void create(Customer customer, String actor, Instant at) {
        write(customer, null, actor, at, List.of("aangemaakt"));
    }

    /**
     * Writes the edit when the stored customer is still at {@code read}'s version; else a
     * {@link ConflictException} and nothing written. Unchanged values write nothing.
     */
    public void update(Versioned<Customer> read, Customer edited, String actor, Instant at) {
        List<String> changes = DirectoryEntries.changes(read.value(), edited);
        if (!changes.isEmpty()) {
            write(edited, read, actor, at, changes);
        }
    }

    public void create(Reseller reseller, String actor, Instant at) {
        write(reseller, null, actor, at, List.of("aangemaakt"));
    }

    public void update(Versioned<Reseller> read, Reseller edited, String actor, Instant at) {
        List<String> changes = DirectoryEntries.changes(read.value(), edited);
        if (!changes.isEmpty()) {
            write(edited, read, actor, at, changes);
        }
    }

    /** Who changed the customer and what, newest first: a Query on its own partition. */
    public List<AuditEntry> customerHistory(String id) {
        return history("CUSTOMER#" + id);
    }

    public List<AuditEntry> resellerHistory(String id) {
        return history("RESELLER#" + id);
    }

    private void write(Customer customer, Versioned<Customer> read, String actor, Instant at, List<String> changes) {
        long version = read == null ? 1 : read.version() + 1;
        Map<String, AttributeValue> item = DirectoryRepository.customerItem(customer);
        item.put("version", n(version));
        Set<String> before = read == null ? Set.of() : DirectoryRepository.lookupKeys(read.value());
        Set<String> after = DirectoryRepository.lookupKeys(customer);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(entryPut(item, read == null ? null : read.version()));
        lookupWrites(writes, before, after, "customerId", customer.id());
        writes.add(auditPut("CUSTOMER#" + customer.id(), version, actor, at, changes));
        commit(writes, read == null ? "Er is al een klant met id " + customer.id() + "." : null);
    }

    private void write(Reseller reseller, Versioned<Reseller> read, String actor, Instant at, List<String> changes) {
        long version = read == null ? 1 : read.version() + 1;
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("RESELLER#" + reseller.id()));
        item.put("sk", s("RESELLER"));
        item.put("name", s(reseller.name()));
        item.put("entity", s(DirectoryRepository.RESELLER_ENTITY));
        item.put("id", s(reseller.id()));
        item.put("version", n(version));
        DirectoryRepository.putSet(item, "contacts", reseller.contacts());
        Set<String> before = new HashSet<>();
        if (read != null) {
            read.value().contacts().forEach(c -> before.add(DirectoryRepository.RESELLER_EMAIL + c));
        }
        Set<String> after = new HashSet<>();
        reseller.contacts().forEach(c -> after.add(DirectoryRepository.RESELLER_EMAIL + c));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(entryPut(item, read == null ? null : read.version()));
        lookupWrites(writes, before, after, "resellerId", reseller.id());
        writes.add(auditPut("RESELLER#" + reseller.id(), version, actor, at, changes));
        commit(writes, read == null ? "Er is al een reseller met id " + reseller.id() + "." : null);
    }

    /**
     * The entry itself: new (no item yet), or still at the version read (an entry only ever
     * seeded has none: version 0).
     */
    private TransactWriteItem entryPut(Map<String, AttributeValue> item, Long readVersion) {
        if (readVersion == null) {
            return TransactWriteItem.builder()
                    .put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"))
                    .build();
        }
        if (readVersion == 0) {
            return TransactWriteItem.builder()
                    .put(p -> p.tableName(table)
                            .item(item)
                            .conditionExpression("attribute_exists(pk) AND attribute_not_exists(version)"))
                    .build();
        }
        return TransactWriteItem.builder()
                .put(p -> p.tableName(table)
                        .item(item)
                        .conditionExpression("version = :read")
                        .expressionAttributeValues(Map.of(":read", n(readVersion))))
                .build();
    }

    /** Lookup items added (none may belong to another entry) and removed (only this entry's own). */
    private void lookupWrites(
            List<TransactWriteItem> writes, Set<String> before, Set<String> after, String owner, String id) {
        for (String key : after) {
            if (!before.contains(key)) {
                writes.add(TransactWriteItem.builder()
                        .put(p -> p.tableName(table)
                                .item(Map.of("pk", s(key), "sk", s(DirectoryRepository.LOOKUP), owner, s(id)))
                                .conditionExpression("attribute_not_exists(pk) OR #owner = :id")
                                .expressionAttributeNames(Map.of("#owner", owner))
                                .expressionAttributeValues(Map.of(":id", s(id))))
                        .build());
            }
        }
        for (String key : before) {
            if (!after.contains(key)) {
                writes.add(TransactWriteItem.builder()
                        .delete(d -> d.tableName(table)
                                .key(Map.of("pk", s(key), "sk", s(DirectoryRepository.LOOKUP)))
                                .conditionExpression("attribute_not_exists(pk) OR #owner = :id")
                                .expressionAttributeNames(Map.of("#owner", owner))
                                .expressionAttributeValues(Map.of(":id", s(id))))
                        .build());
            }
        }
    }

    private TransactWriteItem auditPut(String pk, long version, String actor, Instant at, List<String> changes) {
        Map<String, AttributeValue> item = Map.of(
                "pk", s(pk),
                // the version makes two changes in one instant two items; fixed width keeps text order
                "sk", s(AUDIT + sortable(at) + "#" + String.format("%010d", version)),
                "actor", s(actor),
                "at", s(sortable(at)),
                "changes", AttributeValue.fromL(changes.stream().map(Attr::s).toList()));
        return TransactWriteItem.builder()
                .put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"))
                .build();
    }

    private void commit(List<TransactWriteItem> writes, String existsMessage) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException cancelled) {
            boolean conditionFailed = cancelled.hasCancellationReasons()
                    && cancelled.cancellationReasons().stream()
                            .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
            if (!conditionFailed) {
                throw cancelled;
            }
            boolean entryFailed = "ConditionalCheckFailed"
                    .equals(cancelled.cancellationReasons().get(0).code());
            if (entryFailed && existsMessage != null) {
                throw new ConflictException(existsMessage);
            }
            throw new ConflictException(
                    entryFailed
                            ? "Iemand anders heeft dit intussen gewijzigd; hieronder staat wat nu is opgeslagen."
                            : "Een adres of nummer is intussen aan een ander gegeven; niets is opgeslagen.");
        }
    }

    private void check(Map<String, String> faults, String field, String prefix, Set<String> values, String id) {
        for (String value : values) {
            Optional<String> owner = Attr.getItem(dynamo, table, prefix + value, DirectoryRepository.LOOKUP)
                    .map(item -> string(item, "customerId"))
                    .filter(other -> !other.equals(id));
            if (owner.isPresent()) {
                String name = Attr.getItem(dynamo, table, "CUSTOMER#" + owner.get(), "CUSTOMER")
                        .map(item -> string(item, "name"))
                        .orElse(owner.get());
                faults.putIfAbsent(field, "'" + value + "' hoort al bij " + name + ".");
            }
        }
    }

    private List<AuditEntry> history(String pk) {
        return dynamo
                .query(b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :audit)")
                        .expressionAttributeValues(Map.of(":pk", s(pk), ":audit", s(AUDIT)))
                        .scanIndexForward(false)
                        .limit(HISTORY_SHOWN))
                .items()
                .stream()
                .map(item -> new AuditEntry(
                        Instant.parse(string(item, "at")),
                        string(item, "actor"),
                        item.get("changes").l().stream().map(AttributeValue::s).toList()))
                .toList();
    }

    private List<Map<String, AttributeValue>> entities(String entity, String resellerId) {
        var index = Indexes.DIRECTORY_CUSTOMERS;
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":e", s(entity)));
        if (resellerId != null) {
            values.put(":r", s(resellerId));
        }
        return dynamo
                .queryPaginator(b -> {
                    b.tableName(table)
                            .indexName(index.indexName())
                            .keyConditionExpression("#e = :e")
                            .expressionAttributeNames(Map.of("#e", index.partitionKey()))
                            .expressionAttributeValues(values);
                    if (resellerId != null) {
                        b.filterExpression("resellerId = :r");
                    }
                })
                .items()
                .stream()
                .toList();
    }

    private static Reseller toReseller(Map<String, AttributeValue> item) {
        String id = string(item, "pk").substring("RESELLER#".length());
        return new Reseller(id, string(item, "name"), DirectoryRepository.set(item, "contacts"));
    }
}
