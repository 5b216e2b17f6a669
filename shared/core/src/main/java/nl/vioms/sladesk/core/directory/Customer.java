package nl.vioms.sladesk.core.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import org.jspecify.annotations.Nullable;

/**
 * An end customer and its contract: SLA level (whose terms say 24x7 or office hours, R14),
 * services, the fees credits are computed from (R25), and how it contacts VIOMS.
 *
 * @param emailAddresses registered addresses, lower case
 * @param emailDomains   domains whose every address belongs to this customer, lower case
 * @param phoneNumbers   E.164 numbers
 * @param language       the language its mail is written in: "nl" (default) or "en"
 * @param contractStart  the first day of delivery (R18: no SLA before it), Amsterdam date; null when
 *                       not recorded (the contract is taken to have run before every month)
 */
public record Customer(
        String id,
        String resellerId,
        String name,
        SlaLevel level,
        List<ServiceRef> services,
        BigDecimal monthlyLicenceFee,
        BigDecimal monthlyFixedCosts,
        Set<String> emailAddresses,
        Set<String> emailDomains,
        Set<String> phoneNumbers,
        String language,
        @Nullable LocalDate contractStart) {

    /** The languages SLA Desk writes mail in. */
    public static final Set<String> LANGUAGES = Set.of("nl", "en");

    public Customer {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language must be nl or en, not " + language);
        }
        services = List.copyOf(services);
        emailAddresses = Set.copyOf(emailAddresses);
        emailDomains = Set.copyOf(emailDomains);
        phoneNumbers = Set.copyOf(phoneNumbers);
    }

    /** A customer without a recorded contract start. */
    public Customer(
            String id,
            String resellerId,
            String name,
            SlaLevel level,
            List<ServiceRef> services,
            BigDecimal monthlyLicenceFee,
            BigDecimal monthlyFixedCosts,
            Set<String> emailAddresses,
            Set<String> emailDomains,
            Set<String> phoneNumbers,
            String language) {
        this(
                id,
                resellerId,
                name,
                level,
                services,
                monthlyLicenceFee,
                monthlyFixedCosts,
                emailAddresses,
                emailDomains,
                phoneNumbers,
                language,
                null);
    }

    /** A customer whose mail is in Dutch. */
    public Customer(
            String id,
            String resellerId,
            String name,
            SlaLevel level,
            List<ServiceRef> services,
            BigDecimal monthlyLicenceFee,
            BigDecimal monthlyFixedCosts,
            Set<String> emailAddresses,
            Set<String> emailDomains,
            Set<String> phoneNumbers) {
        this(
                id,
                resellerId,
                name,
                level,
                services,
                monthlyLicenceFee,
                monthlyFixedCosts,
                emailAddresses,
                emailDomains,
                phoneNumbers,
                "nl");
    }

    public Optional<ServiceRef> service(String serviceId) {
        return services.stream().filter(s -> s.id().equals(serviceId)).findFirst();
    }

    /** The service a report is about when it names none: the first hosted PBX, else the first. */
    public Optional<ServiceRef> mainService() {
        return services.stream()
                .filter(s -> s.kind() == ServiceKind.HOSTED_PBX)
                .findFirst()
                .or(() -> services.stream().findFirst());
    }
}
