package nl.vioms.sladesk.aws.directory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.directory.DirectoryEntries;
import nl.vioms.sladesk.app.directory.DirectoryEntries.CustomerFields;
import nl.vioms.sladesk.app.directory.DirectoryEntries.ResellerFields;
import nl.vioms.sladesk.app.directory.DirectoryEntries.ServiceFields;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.directory.TokenScope;

/**
 * Directory data as a JSON file (`./sladesk seed FILE`, events/seed/demo.json): resellers, their
 * customers with contracts and contact data, and API tokens (in the clear for a demo, else as
 * their sha256; a token without {@code expires} does not expire, a revoked one stays revoked when
 * the seed is loaded again). Everything is checked before anything is written, with a message naming the
 * entry at fault.
 */
public final class DirectorySeed {
    record ServiceJson(String id, String kind, String name) {}

    record ResellerJson(String id, String name, List<String> contacts) {}

    record CustomerJson(
            String id,
            String reseller,
            String name,
            String level,
            String monthlyLicenceFee,
            String monthlyFixedCosts,
            List<ServiceJson> services,
            List<String> emails,
            List<String> domains,
            List<String> phones,
            String language,
            String contractStart) {}

    record TokenJson(String name, String scope, String reseller, String token, String sha256, String expires) {}

    record SeedJson(List<ResellerJson> resellers, List<CustomerJson> customers, List<TokenJson> tokens) {}

    public record Seed(List<Reseller> resellers, List<Customer> customers, List<ApiToken> tokens) {}

    private DirectorySeed() {}

    public static Seed parse(byte[] json) {
        SeedJson raw = Json.read(json, SeedJson.class, "a directory seed");
        List<Reseller> resellers = new ArrayList<>();
        Set<String> resellerIds = new HashSet<>();
        for (ResellerJson r : list(raw.resellers())) {
            require(r.id(), "reseller without id");
            // one set of rules for the seed and the console's admin pages
            resellers.add(DirectoryEntries.reseller(
                            new ResellerFields(r.id(), r.name() == null ? r.id() : r.name(), list(r.contacts())))
                    .orThrow("reseller " + r.id()));
            resellerIds.add(r.id());
        }
        List<Customer> customers = new ArrayList<>();
        for (CustomerJson c : list(raw.customers())) {
            require(c.id(), "customer without id");
            List<ServiceFields> services = list(c.services()).stream()
                    .map(s -> new ServiceFields(s.id(), s.kind(), s.name()))
                    .toList();
            CustomerFields fields = new CustomerFields(
                    c.id(),
                    c.reseller(),
                    c.name() == null ? c.id() : c.name(),
                    c.level(),
                    c.monthlyLicenceFee(),
                    c.monthlyFixedCosts(),
                    services,
                    list(c.emails()),
                    list(c.domains()),
                    list(c.phones()),
                    c.language(),
                    c.contractStart());
            customers.add(
                    DirectoryEntries.customer(fields, resellerIds::contains).orThrow("customer " + c.id()));
        }
        List<ApiToken> tokens = new ArrayList<>();
        for (TokenJson t : list(raw.tokens())) {
            String where = "token " + t.name();
            TokenScope scope;
            try {
                scope = TokenScope.valueOf(
                        String.valueOf(t.scope()).toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        where + ": scope must be reseller, operations, telephony or second-line, not " + t.scope());
            }
            if (scope == TokenScope.RESELLER && !resellerIds.contains(t.reseller())) {
                throw new IllegalArgumentException(where + ": unknown reseller " + t.reseller());
            }
            String hash = t.sha256() != null
                    ? t.sha256().toLowerCase(Locale.ROOT)
                    : t.token() != null ? ApiToken.hash(t.token()) : null;
            if (hash == null) {
                throw new IllegalArgumentException(where + ": give token or sha256");
            }
            Instant expires;
            try {
                expires = t.expires() == null ? null : Instant.parse(t.expires());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": expires must be an instant like 2027-03-01T00:00:00Z");
            }
            tokens.add(new ApiToken(
                    hash,
                    scope,
                    scope == TokenScope.RESELLER ? t.reseller() : null,
                    t.name(),
                    null,
                    expires,
                    null,
                    null));
        }
        return new Seed(resellers, customers, tokens);
    }

    /** Writes the seed (idempotent: the same seed again changes nothing). */
    public static void load(Seed seed, DirectoryRepository directory) {
        seed.resellers().forEach(directory::putReseller);
        seed.customers().forEach(directory::putCustomer);
        seed.tokens().forEach(directory::putToken);
    }

    private static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : value;
    }

    private static void require(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }
}
