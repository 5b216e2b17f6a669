package nl.vioms.sladesk.aws.directory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.mail.EmailAddresses;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.PhoneNumbers;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.directory.TokenScope;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;

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

    /** R18: the first day of delivery, an ISO date ({@code 2026-03-01}); absent is none recorded. */
    private static LocalDate contractStart(String where, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    where + ": contractStart must be a date such as 2026-03-01, not '" + value + "'");
        }
    }

    public static Seed parse(byte[] json) {
        SeedJson raw = Json.read(json, SeedJson.class, "a directory seed");
        List<Reseller> resellers = new ArrayList<>();
        Set<String> resellerIds = new HashSet<>();
        for (ResellerJson r : list(raw.resellers())) {
            require(r.id(), "reseller without id");
            resellers.add(new Reseller(
                    r.id(), r.name() == null ? r.id() : r.name(), addresses("reseller " + r.id(), r.contacts())));
            resellerIds.add(r.id());
        }
        List<Customer> customers = new ArrayList<>();
        for (CustomerJson c : list(raw.customers())) {
            String where = "customer " + c.id();
            require(c.id(), "customer without id");
            if (!resellerIds.contains(c.reseller())) {
                throw new IllegalArgumentException(where + ": unknown reseller " + c.reseller());
            }
            SlaLevel level;
            try {
                level = SlaLevel.valueOf(String.valueOf(c.level()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        where + ": level must be A, N, B, HA, HS, HN or HB, not " + c.level());
            }
            List<ServiceRef> services = new ArrayList<>();
            for (ServiceJson s : list(c.services())) {
                services.add(new ServiceRef(s.id(), ServiceKind.fromWireName(s.kind()), s.name()));
            }
            Set<String> phones = new HashSet<>();
            for (String p : list(c.phones())) {
                phones.add(PhoneNumbers.toE164(p)
                        .orElseThrow(
                                () -> new IllegalArgumentException(where + ": '" + p + "' is not a phone number")));
            }
            String language = c.language() == null ? "nl" : c.language().toLowerCase(Locale.ROOT);
            if (!Customer.LANGUAGES.contains(language)) {
                throw new IllegalArgumentException(where + ": language must be nl or en, not " + c.language());
            }
            BigDecimal fee = money(where + " monthlyLicenceFee", c.monthlyLicenceFee());
            BigDecimal fixed =
                    c.monthlyFixedCosts() == null ? fee : money(where + " monthlyFixedCosts", c.monthlyFixedCosts());
            customers.add(new Customer(
                    c.id(),
                    c.reseller(),
                    c.name() == null ? c.id() : c.name(),
                    level,
                    services,
                    fee,
                    fixed,
                    addresses(where, c.emails()),
                    lower(c.domains()),
                    phones,
                    language,
                    contractStart(where, c.contractStart())));
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

    private static Set<String> lower(List<String> values) {
        Set<String> out = new HashSet<>();
        list(values).forEach(v -> out.add(v.trim().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** E-mail addresses, lower case; one that cannot be an address is refused, naming it. */
    private static Set<String> addresses(String where, List<String> values) {
        Set<String> out = lower(values);
        for (String address : out) {
            if (!EmailAddresses.plausible(address)) {
                throw new IllegalArgumentException(where + ": '" + address + "' is not an e-mail address");
            }
        }
        return out;
    }

    private static void require(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }

    private static BigDecimal money(String where, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not an amount like 250.00");
        }
    }
}
