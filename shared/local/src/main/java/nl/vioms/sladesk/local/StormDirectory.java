package nl.vioms.sladesk.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.directory.DirectorySeed;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LocalAws;

/**
 * The storm's customers: the demo seed scaled up. Every report of the storm comes from a customer
 * of its own (one report per customer), so a lost report is a customer without a ticket. Each
 * customer has a hosted PBX (carried by the platform, R21), one mail address on a domain of its
 * own and one Amsterdam phone number; resellers have 50 customers each and a portal token.
 */
final class StormDirectory {
    /** How many customers one reseller serves in the storm (TelNet has a few hundred in real life; 50 is enough). */
    static final int CUSTOMERS_PER_RESELLER = 50;
    /** The largest storm the numbering supports: 020 6xx xxxx gives a million distinct numbers. */
    static final int MAX_CUSTOMERS = 1_000_000;

    /** A 24x7 level (A, HA: R14's decision) for two in five, office hours for the rest, as in the demo seed. */
    private static final List<String> LEVELS = List.of("N", "HA", "B", "A", "HN");

    private static final List<String> TRADES = List.of(
            "Bakkerij",
            "Kapsalon",
            "Garage",
            "Tandartspraktijk",
            "Advocatenkantoor",
            "Hotel",
            "Fysiotherapie",
            "Installatiebedrijf",
            "Makelaardij",
            "Huisartsenpraktijk",
            "Bloemenzaak",
            "Accountantskantoor");
    private static final List<String> NAMES = List.of(
            "De Vries",
            "Jansen",
            "Bakker",
            "Visser",
            "Smit",
            "Meijer",
            "De Boer",
            "Mulder",
            "De Groot",
            "Bos",
            "Vos",
            "Peters",
            "Hendriks",
            "Van Dijk");

    /** One generated customer and how it reaches SLA Desk. */
    record StormCustomer(String id, String resellerId, String name, String level, String email, String phone) {}

    /** One generated reseller and its portal token (in the clear: a local demo directory). */
    record StormReseller(String id, String name, String token) {}

    private final List<StormCustomer> customers;
    private final List<StormReseller> resellers;

    private StormDirectory(List<StormCustomer> customers, List<StormReseller> resellers) {
        this.customers = customers;
        this.resellers = resellers;
    }

    /** {@code count} customers with their resellers, the same for the same count. */
    static StormDirectory generate(int count) {
        if (count < 1 || count > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("a storm has 1 to " + MAX_CUSTOMERS + " customers, not " + count);
        }
        List<StormReseller> resellers = new ArrayList<>();
        int resellerCount = (count + CUSTOMERS_PER_RESELLER - 1) / CUSTOMERS_PER_RESELLER;
        for (int r = 0; r < resellerCount; r++) {
            String id = String.format(Locale.ROOT, "storm-reseller-%03d", r);
            resellers.add(
                    new StormReseller(id, String.format(Locale.ROOT, "Belpartner %03d B.V.", r), "storm-token-" + id));
        }
        List<StormCustomer> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name =
                    TRADES.get(i % TRADES.size()) + " " + NAMES.get((i / TRADES.size()) % NAMES.size()) + " " + (i + 1);
            String id = String.format(Locale.ROOT, "storm-%06d", i);
            String domain = "klant-" + String.format(Locale.ROOT, "%06d", i) + ".nl";
            String phone = String.format(Locale.ROOT, "020 6%06d", i);
            customers.add(new StormCustomer(
                    id,
                    resellers.get(i / CUSTOMERS_PER_RESELLER).id(),
                    name,
                    LEVELS.get(i % LEVELS.size()),
                    "info@" + domain,
                    phone));
        }
        return new StormDirectory(List.copyOf(customers), List.copyOf(resellers));
    }

    List<StormCustomer> customers() {
        return customers;
    }

    List<StormReseller> resellers() {
        return resellers;
    }

    String tokenOf(String resellerId) {
        return resellers.stream()
                .filter(r -> r.id().equals(resellerId))
                .map(StormReseller::token)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Writes the directory: first checked as a whole by {@link DirectorySeed#parse} (the seed file's
     * own rules), then written on {@code pool} (a few thousand customers one by one take a while).
     */
    void load(LocalAws aws, ExecutorService pool) throws Exception {
        var seed = DirectorySeed.parse(seedJson().getBytes(StandardCharsets.UTF_8));
        var directory =
                new DirectoryRepository(aws.clients().dynamo(), aws.resources().tableName("DirectoryTable"));
        seed.resellers().forEach(directory::putReseller);
        seed.tokens().forEach(directory::putToken);
        List<Future<?>> writes = new ArrayList<>();
        seed.customers().forEach(c -> writes.add(pool.submit(() -> directory.putCustomer(c))));
        for (Future<?> write : writes) {
            write.get();
        }
    }

    /** The directory in the seed file's format (events/seed/demo.json). */
    String seedJson() {
        List<Object> resellerJson = new ArrayList<>();
        List<Object> tokenJson = new ArrayList<>();
        for (StormReseller r : resellers) {
            resellerJson.add(
                    Map.of("id", r.id(), "name", r.name(), "contacts", List.of("servicedesk@" + r.id() + ".nl")));
            tokenJson.add(
                    Map.of("name", r.id() + "-portal", "scope", "reseller", "reseller", r.id(), "token", r.token()));
        }
        List<Object> customerJson = new ArrayList<>();
        for (StormCustomer c : customers) {
            Map<String, Object> customer = new LinkedHashMap<>();
            customer.put("id", c.id());
            customer.put("reseller", c.resellerId());
            customer.put("name", c.name());
            customer.put("level", c.level());
            customer.put("contractStart", "2025-01-01");
            customer.put("monthlyLicenceFee", "150.00");
            customer.put("services", List.of(Map.of("id", "pbx", "kind", "hosted-pbx", "name", "Hosted PBX")));
            customer.put("emails", List.of(c.email()));
            customer.put("domains", List.of(c.email().substring(c.email().indexOf('@') + 1)));
            customer.put("phones", List.of(c.phone()));
            customerJson.add(customer);
        }
        Map<String, Object> seed = new LinkedHashMap<>();
        seed.put("resellers", resellerJson);
        seed.put("customers", customerJson);
        seed.put("tokens", tokenJson);
        return DatabindJson.write(seed);
    }
}
