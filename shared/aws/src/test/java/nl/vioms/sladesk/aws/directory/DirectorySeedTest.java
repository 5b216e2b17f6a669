package nl.vioms.sladesk.aws.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The contract start of a seeded customer (R18, issue 20): an ISO date, optional, checked. */
class DirectorySeedTest {

    private static DirectorySeed.Seed seed(String contractStart) {
        String start = contractStart == null ? "" : ",\"contractStart\":\"" + contractStart + "\"";
        String json = "{\"resellers\":[{\"id\":\"r1\"}],\"customers\":[{\"id\":\"c1\",\"reseller\":\"r1\","
                + "\"level\":\"N\",\"monthlyLicenceFee\":\"100.00\"" + start + "}]}";
        return DirectorySeed.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aContractStartIsReadAsADate() {
        assertEquals(
                LocalDate.of(2026, 3, 1), seed("2026-03-01").customers().get(0).contractStart());
    }

    @Test
    void withoutAContractStartNoneIsRecorded() {
        assertNull(seed(null).customers().get(0).contractStart());
    }

    @Test
    void aContractStartThatIsNoDateIsRefusedNamingTheCustomer() {
        var e = assertThrows(IllegalArgumentException.class, () -> seed("1-3-2026"));
        assertEquals("customer c1: contractStart: Een datum zoals 2026-03-01, niet '1-3-2026'.", e.getMessage());
    }
}
