package nl.vioms.sladesk.core.monitoring;

import java.util.Objects;
import java.util.Set;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.policy.ServiceKind;
import org.jspecify.annotations.Nullable;

/**
 * A service as monitoring sees it: either platform-wide (the hosted platform with its SBCs, core
 * network and carrier links, R21), whose outages count for every customer service of the kinds it
 * carries, or one customer's own service (a SIP trunk), whose outages count for that service only.
 *
 * @param key               {@code platform:<slug>} or {@code customer:<customerId>:<serviceId>}
 * @param name              what people call it
 * @param carries           platform-wide: the service kinds it carries; empty for a customer's service
 * @param customerId        a customer's service: the customer; null for platform-wide
 * @param customerServiceId a customer's service: the id within the customer; null for platform-wide
 */
public record MonitoredService(
        String key,
        String name,
        Set<ServiceKind> carries,
        @Nullable String customerId,
        @Nullable String customerServiceId) {

    public MonitoredService {
        Objects.requireNonNull(key, "key");
        carries = Set.copyOf(carries);
        if (platformWide(key) == (customerId != null)) {
            throw new IllegalArgumentException(
                    "service " + key + ": a platform service has no customer, a customer's service has one");
        }
        if (!platformWide(key) && !key.equals(customerKey(customerId, customerServiceId))) {
            throw new IllegalArgumentException(
                    "service " + key + " must be keyed " + customerKey(customerId, customerServiceId));
        }
    }

    public static MonitoredService platform(String slug, String name, Set<ServiceKind> carries) {
        return new MonitoredService("platform:" + slug, name, carries, null, null);
    }

    public static MonitoredService ofCustomer(String customerId, ServiceRef service) {
        return new MonitoredService(
                customerKey(customerId, service.id()),
                service.name() == null ? service.id() : service.name(),
                Set.of(),
                customerId,
                service.id());
    }

    public static String customerKey(@Nullable String customerId, @Nullable String serviceId) {
        return "customer:" + customerId + ":" + serviceId;
    }

    private static boolean platformWide(String key) {
        return key.startsWith("platform:");
    }

    public boolean isPlatformWide() {
        return platformWide(key);
    }

    /** Whether this service's outages count against the given customer service (R21). */
    public boolean affects(String customerId, ServiceRef service) {
        return isPlatformWide()
                ? carries.contains(service.kind())
                : this.customerId.equals(customerId) && customerServiceId.equals(service.id());
    }
}
