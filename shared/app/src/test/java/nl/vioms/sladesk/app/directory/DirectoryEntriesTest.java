package nl.vioms.sladesk.app.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.app.directory.DirectoryEntries.CustomerFields;
import nl.vioms.sladesk.app.directory.DirectoryEntries.ResellerFields;
import nl.vioms.sladesk.app.directory.DirectoryEntries.ServiceFields;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import org.junit.jupiter.api.Test;

/** The rules every directory entry passes, the seed's and the console's alike. */
class DirectoryEntriesTest {
    private static CustomerFields fields(String level, String fee, String fixed, List<String> phones) {
        return new CustomerFields(
                "bakkerij-devries",
                "telnet",
                "Bakkerij De Vries",
                level,
                fee,
                fixed,
                List.of(new ServiceFields("pbx", "hosted-pbx", "Hosted PBX")),
                List.of("Jan@Bakkerij-DeVries.nl"),
                List.of("Bakkerij-DeVries.nl"),
                phones,
                "en",
                "2026-03-01");
    }

    @Test
    void aValidCustomerIsNormalisedPhonesToE164AddressesToLowerCase() {
        Customer c = DirectoryEntries.customer(
                        fields("ha", "250.00", "", List.of("020 123 4567")), Set.of("telnet")::contains)
                .orThrow("customer");

        assertEquals(Set.of("+31201234567"), c.phoneNumbers(), "a Dutch number without country code");
        assertEquals(Set.of("jan@bakkerij-devries.nl"), c.emailAddresses());
        assertEquals(Set.of("bakkerij-devries.nl"), c.emailDomains());
        assertEquals(SlaLevel.HA, c.level());
        // R25: no separate fixed costs -> the licence fee, 250.00
        assertEquals(new BigDecimal("250.00"), c.monthlyFixedCosts());
        assertEquals(LocalDate.of(2026, 3, 1), c.contractStart());
        assertEquals(ServiceKind.HOSTED_PBX, c.services().get(0).kind());
        assertEquals("en", c.language());
    }

    @Test
    void everyFieldAtFaultHasItsOwnDutchMessage() {
        var judged = DirectoryEntries.customer(fields("Z", "-5", "12,345", List.of("12345")), Set.of()::contains);

        assertFalse(judged.ok());
        assertNull(judged.value());
        assertEquals(
                Map.of(
                        "reseller", "Kies een bestaande reseller.",
                        "level", "Kies een serviceniveau: A, N, B, HA, HS, HN of HB.",
                        "monthlyLicenceFee",
                                "Een bedrag in euro's van 0 tot 1.000.000 met hoogstens twee decimalen, zoals 250.00.",
                        "monthlyFixedCosts",
                                "Een bedrag in euro's van 0 tot 1.000.000 met hoogstens twee decimalen, zoals 250.00.",
                        "phones", "'12345' is geen geldig telefoonnummer."),
                judged.faults());
    }

    @Test
    void limitsAndCharacterSetsComeFirst() {
        var name = DirectoryEntries.reseller(new ResellerFields("telnet", "a\nb", List.of()));
        var longName = DirectoryEntries.reseller(new ResellerFields("telnet", "x".repeat(121), List.of()));
        var id = DirectoryEntries.reseller(new ResellerFields("TelNet Partners", "TelNet", List.of()));

        assertEquals(
                "Een naam bevat geen regeleinden of stuurtekens.", name.faults().get("name"));
        assertEquals(
                "Een naam is hoogstens 120 tekens (nu 121).", longName.faults().get("name"));
        assertTrue(id.faults().get("id").startsWith("Een id bestaat uit kleine letters"));
    }

    @Test
    void aSeedNamesTheEntryAndTheFieldAtFault() {
        var judged = DirectoryEntries.reseller(new ResellerFields("telnet", "TelNet", List.of("geen-adres")));

        var e = assertThrows(IllegalArgumentException.class, () -> judged.orThrow("reseller telnet"));

        assertEquals("reseller telnet: contacts: 'geen-adres' is geen e-mailadres.", e.getMessage());
    }

    @Test
    void theAuditLinesSayWhatChangedFieldByField() {
        Customer before = DirectoryEntries.customer(fields("N", "250.00", "", List.of()), r -> true)
                .orThrow("before");
        Customer after = DirectoryEntries.customer(fields("HA", "300.00", "250.00", List.of("0201234567")), r -> true)
                .orThrow("after");

        assertEquals(
                List.of("niveau: N → HA", "licentie per maand: 250.00 → 300.00", "telefoonnummers:  → +31201234567"),
                DirectoryEntries.changes(before, after));
    }

    @Test
    void servicesAreTypedOneALine() {
        assertEquals(
                List.of(new ServiceFields("pbx", "hosted-pbx", "Hosted PBX | 12"), new ServiceFields("trunk", "", "")),
                DirectoryEntries.parseServices("pbx | hosted-pbx | Hosted PBX | 12\n\n trunk \n"));
    }
}
