package nl.vioms.sladesk.aws.directory;

import static nl.vioms.sladesk.aws.Attr.s;
import static nl.vioms.sladesk.aws.Attr.string;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.aws.Attr;
import nl.vioms.sladesk.aws.Indexes;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The directory table, the DynamoDB adapter of {@link DirectoryStore}: resellers, customers, API
 * tokens, and one lookup item per e-mail address, domain and phone number, so that every lookup
 * is a consistent GetItem on its key. The writes are the seed's.
 */
public final class DirectoryRepository implements DirectoryStore {
    static final String LOOKUP = "LOOKUP";
    static final String CUSTOMER_ENTITY = "CUSTOMER";
    static final String RESELLER_ENTITY = "RESELLER";
    /** Lookup of a reseller's contact address (its service desk), e.g. for replies to our mail. */
    static final String RESELLER_EMAIL = "RESELLER_EMAIL#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final TokenTable tokens;

    public DirectoryRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.tokens = new TokenTable(dynamo, table);
    }

    public void putReseller(Reseller reseller) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("RESELLER#" + reseller.id()));
        item.put("sk", s("RESELLER"));
        item.put("name", s(reseller.name()));
        // keys the customers index too: the admin's list of resellers is a Query, not a Scan
        item.put("entity", s(RESELLER_ENTITY));
        item.put("id", s(reseller.id()));
        putSet(item, "contacts", reseller.contacts());
        dynamo.putItem(b -> b.tableName(table).item(item));
        reseller.contacts()
                .forEach(a -> dynamo.putItem(b -> b.tableName(table)
                        .item(Map.of("pk", s(RESELLER_EMAIL + a), "sk", s(LOOKUP), "resellerId", s(reseller.id())))));
    }

    @Override
    public Optional<Reseller> resellerByEmail(String address) {
        return get(RESELLER_EMAIL + address.toLowerCase(Locale.ROOT), LOOKUP)
                .flatMap(item -> reseller(string(item, "resellerId")));
    }

    @Override
    public Optional<Reseller> reseller(String id) {
        return get("RESELLER#" + id, "RESELLER")
                .map(item -> new Reseller(id, string(item, "name"), set(item, "contacts")));
    }

    /** Writes the customer and its lookup items (a later seed of the same customer replaces them). */
    public void putCustomer(Customer customer) {
        Map<String, AttributeValue> item = customerItem(customer);
        dynamo.putItem(b -> b.tableName(table).item(item));
        lookupKeys(customer).forEach(key -> putLookup(key, customer.id()));
    }

    /** The customer's item, without a version (the seed's; an admin edit adds {@code version}). */
    static Map<String, AttributeValue> customerItem(Customer customer) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("CUSTOMER#" + customer.id()));
        item.put("sk", s("CUSTOMER"));
        item.put("id", s(customer.id()));
        item.put("entity", s(CUSTOMER_ENTITY)); // keys the customers index (month-end's list of contracts)
        item.put("resellerId", s(customer.resellerId()));
        item.put("name", s(customer.name()));
        item.put("level", s(customer.level().name()));
        item.put("monthlyLicenceFee", s(customer.monthlyLicenceFee().toPlainString()));
        item.put("monthlyFixedCosts", s(customer.monthlyFixedCosts().toPlainString()));
        item.put("language", s(customer.language()));
        if (customer.contractStart() != null) {
            item.put("contractStart", s(customer.contractStart().toString()));
        }
        item.put(
                "services",
                AttributeValue.fromL(customer.services().stream()
                        .map(sv -> AttributeValue.fromM(Map.of(
                                "id",
                                s(sv.id()),
                                "kind",
                                s(sv.kind().wireName()),
                                "name",
                                s(sv.name() == null ? sv.id() : sv.name()))))
                        .toList()));
        putSet(item, "emails", customer.emailAddresses());
        putSet(item, "domains", customer.emailDomains());
        putSet(item, "phones", customer.phoneNumbers());
        return item;
    }

    /** The keys of a customer's lookup items: {@code EMAIL#}, {@code DOMAIN#}, {@code PHONE#}. */
    static Set<String> lookupKeys(Customer customer) {
        Set<String> keys = new HashSet<>();
        customer.emailAddresses().forEach(a -> keys.add("EMAIL#" + a));
        customer.emailDomains().forEach(d -> keys.add("DOMAIN#" + d));
        customer.phoneNumbers().forEach(p -> keys.add("PHONE#" + p));
        return keys;
    }

    /** A token as the seed gives it ({@link TokenTable#seed}). */
    public void putToken(ApiToken token) {
        tokens.seed(token, Instant.now());
    }

    /** The tokens: issue, list, rotate, revoke ({@code ./sladesk token}). */
    public TokenTable tokens() {
        return tokens;
    }

    @Override
    public Optional<Customer> customer(String id) {
        return get("CUSTOMER#" + id, "CUSTOMER").map(DirectoryRepository::toCustomer);
    }

    /**
     * Every customer, ordered by id: one Query on the {@code customers} index, paginated (about
     * 2 000 customers a 1 MB page). No Scan on a schedule path.
     */
    @Override
    public List<Customer> customers() {
        var index = Indexes.DIRECTORY_CUSTOMERS;
        return dynamo
                .queryPaginator(b -> b.tableName(table)
                        .indexName(index.indexName())
                        .keyConditionExpression("#e = :e")
                        .expressionAttributeNames(Map.of("#e", index.partitionKey()))
                        .expressionAttributeValues(Map.of(":e", s(CUSTOMER_ENTITY))))
                .items()
                .stream()
                .map(DirectoryRepository::toCustomer)
                .toList();
    }

    @Override
    public Optional<Customer> customerByEmail(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        return lookup("EMAIL#" + lower)
                .or(() -> at < 0 ? Optional.empty() : lookup("DOMAIN#" + lower.substring(at + 1)));
    }

    @Override
    public Optional<Customer> customerByPhone(String e164) {
        return lookup("PHONE#" + e164);
    }

    @Override
    public Optional<ApiToken> tokenByHash(String hash) {
        return tokens.find(hash);
    }

    @Override
    public void markUsed(String hash, Instant at) {
        tokens.markUsed(hash, at);
    }

    private Optional<Customer> lookup(String key) {
        return get(key, LOOKUP).flatMap(item -> customer(string(item, "customerId")));
    }

    private void putLookup(String key, String customerId) {
        dynamo.putItem(
                b -> b.tableName(table).item(Map.of("pk", s(key), "sk", s(LOOKUP), "customerId", s(customerId))));
    }

    static void putSet(Map<String, AttributeValue> item, String name, Set<String> values) {
        if (!values.isEmpty()) {
            item.put(name, AttributeValue.fromSs(List.copyOf(values)));
        }
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        return Attr.getItem(dynamo, table, pk, sk);
    }

    static Customer toCustomer(Map<String, AttributeValue> item) {
        List<ServiceRef> services = new ArrayList<>();
        if (item.containsKey("services")) {
            for (AttributeValue v : item.get("services").l()) {
                Map<String, AttributeValue> service = v.m();
                services.add(new ServiceRef(
                        service.get("id").s(),
                        ServiceKind.fromWireName(service.get("kind").s()),
                        service.get("name").s()));
            }
        }
        return new Customer(
                string(item, "id"),
                string(item, "resellerId"),
                string(item, "name"),
                SlaLevel.valueOf(string(item, "level")),
                services,
                new BigDecimal(string(item, "monthlyLicenceFee")),
                new BigDecimal(string(item, "monthlyFixedCosts")),
                set(item, "emails"),
                set(item, "domains"),
                set(item, "phones"),
                item.containsKey("language") ? string(item, "language") : "nl",
                item.containsKey("contractStart") ? LocalDate.parse(string(item, "contractStart")) : null);
    }

    static Set<String> set(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? new HashSet<>(item.get(name).ss()) : Set.of();
    }
}
