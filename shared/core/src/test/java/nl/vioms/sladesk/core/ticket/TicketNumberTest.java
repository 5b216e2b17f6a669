package nl.vioms.sladesk.core.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The number format beyond six digits and the orders that must stay right (issue 15, finding 6). */
class TicketNumberTest {
    @Test
    void sixDigitsZeroPaddedThenAsManyAsNeeded() {
        assertEquals("VIO-2026-000042", TicketNumber.format(2026, 42));
        assertEquals("VIO-2026-999999", TicketNumber.format(2026, 999_999));
        assertEquals("VIO-2026-1000000", TicketNumber.format(2026, 1_000_000));
        assertEquals("VIO-2026-12345678", TicketNumber.format(2026, 12_345_678));
    }

    @Test
    void eachNumberHasOneSpelling() {
        assertTrue(TicketNumber.isValid("VIO-2026-000042"));
        assertTrue(TicketNumber.isValid("VIO-2026-1000000"));
        assertFalse(TicketNumber.isValid("VIO-2026-0000042"), "seven digits with a leading zero");
        assertFalse(TicketNumber.isValid("VIO-2026-42"));
        assertFalse(TicketNumber.isValid("VIO-2026-1234567890123456789"), "more than a long");
        assertEquals(1_000_000L, TicketNumber.sequence("VIO-2026-1000000"));
        assertEquals(2026, TicketNumber.year("VIO-2026-1000000"));
    }

    @Test
    void sortKeysOrderNumbersAsNumbersAndKeepSixDigitKeysAsTheyWere() {
        assertEquals("VIO-2026-000042", TicketNumber.sortKey("VIO-2026-000042"));
        assertEquals("VIO-2026-~1000000", TicketNumber.sortKey("VIO-2026-1000000"));
        assertEquals("VIO-2026-~~10000000", TicketNumber.sortKey("VIO-2026-10000000"));
        List<String> numbers = List.of(
                "VIO-2027-000001",
                "VIO-2026-10000000",
                "VIO-2026-1000000",
                "VIO-2026-9999999",
                "VIO-2026-999999",
                "VIO-2026-000002");
        List<String> expected = List.of(
                "VIO-2026-000002",
                "VIO-2026-999999",
                "VIO-2026-1000000",
                "VIO-2026-9999999",
                "VIO-2026-10000000",
                "VIO-2027-000001");
        List<String> byKey = new ArrayList<>(numbers);
        byKey.sort((a, b) -> TicketNumber.sortKey(a).compareTo(TicketNumber.sortKey(b)));
        assertEquals(expected, byKey, "as DynamoDB sorts the keys (text)");
        assertEquals(expected, numbers.stream().sorted(TicketNumber.ORDER).toList());
    }

    @Test
    void theWarningStartsAtNineHundredThousand() {
        assertFalse(TicketNumber.nearingSixDigits(899_999));
        assertTrue(TicketNumber.nearingSixDigits(900_000));
    }
}
