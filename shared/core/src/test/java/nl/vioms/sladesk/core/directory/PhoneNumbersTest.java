package nl.vioms.sladesk.core.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {
    @ParameterizedTest
    @CsvSource({
        "020 123 4567, +31201234567",
        "020-1234567, +31201234567",
        "+31 20 123 4567, +31201234567",
        "0031201234567, +31201234567",
        "06 12345678, +31612345678",
        "+44 20 7946 0958, +442079460958",
    })
    void dutchAndInternationalNumbersBecomeE164(String text, String e164) {
        assertEquals(Optional.of(e164), PhoneNumbers.toE164(text));
    }

    @ParameterizedTest
    @CsvSource({"12", "not a number", "020 123", "''"})
    void nonsenseIsNoNumber(String text) {
        assertEquals(Optional.empty(), PhoneNumbers.toE164(text));
    }
}
