package nl.vioms.sladesk.app.directory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;

/**
 * A {@link DirectoryStore} in memory, for fast tests of the application logic. It answers as the
 * DynamoDB adapter does: lookups on the addresses, domains and E.164 numbers exactly as stored
 * (the seed normalises them), the sender's address lower-cased, the exact address before its
 * domain, customers ordered by id; a customer put again replaces the earlier one.
 */
public final class InMemoryDirectoryStore implements DirectoryStore {
    private final Map<String, Customer> customers = new TreeMap<>();
    private final Map<String, String> lookups = new ConcurrentHashMap<>();
    private final Map<String, ApiToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, Reseller> resellers = new ConcurrentHashMap<>();

    public InMemoryDirectoryStore put(Reseller reseller) {
        resellers.put(reseller.id(), reseller);
        return this;
    }

    @Override
    public Optional<Reseller> reseller(String id) {
        return Optional.ofNullable(resellers.get(id));
    }

    @Override
    public Optional<Reseller> resellerByEmail(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        return resellers.values().stream()
                .filter(r -> r.contacts().contains(lower))
                .findFirst();
    }

    public synchronized InMemoryDirectoryStore put(Customer customer) {
        customers.put(customer.id(), customer);
        customer.emailAddresses().forEach(a -> lookups.put("EMAIL#" + a, customer.id()));
        customer.emailDomains().forEach(d -> lookups.put("DOMAIN#" + d, customer.id()));
        customer.phoneNumbers().forEach(p -> lookups.put("PHONE#" + p, customer.id()));
        return this;
    }

    public InMemoryDirectoryStore put(ApiToken token) {
        tokens.put(token.hash(), token);
        return this;
    }

    @Override
    public synchronized Optional<Customer> customer(String id) {
        return Optional.ofNullable(customers.get(id));
    }

    @Override
    public synchronized List<Customer> customers() {
        return List.copyOf(customers.values());
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
        return Optional.ofNullable(tokens.get(hash));
    }

    @Override
    public void markUsed(String hash, Instant at) {
        tokens.computeIfPresent(
                hash,
                (h, t) -> new ApiToken(
                        t.hash(),
                        t.scope(),
                        t.resellerId(),
                        t.name(),
                        t.createdAt(),
                        t.expiresAt(),
                        t.revokedAt(),
                        at));
    }

    private Optional<Customer> lookup(String key) {
        return Optional.ofNullable(lookups.get(key)).flatMap(this::customer);
    }
}
