package nl.vioms.sladesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The portal's English figures beside the Dutch ones the reports print (issue 18). */
class EnglishNumbersTest {

    @Test
    void moneyIsWrittenTheEnglishWayAndTheDutchWay() {
        assertEquals("€1,234.50", EnglishNumbers.money(new BigDecimal("1234.5")));
        assertEquals("€ 1.234,50", DutchNumbers.money(new BigDecimal("1234.5")));
        assertEquals("€0.00", EnglishNumbers.money(BigDecimal.ZERO));
        assertEquals("-€12.50", EnglishNumbers.money(new BigDecimal("-12.5")));
        assertEquals("€1,000,000.01", EnglishNumbers.money(new BigDecimal("1000000.005")), "HALF_UP to cents");
        assertEquals("–", EnglishNumbers.money(null));
    }

    @Test
    void percentagesKeepTheFiguresOwnDecimals() {
        assertEquals("99.6544%", EnglishNumbers.percent(new BigDecimal("99.6544")));
        assertEquals("99,6544 %", DutchNumbers.percent(new BigDecimal("99.6544")));
        assertEquals("100.0000%", EnglishNumbers.percent(new BigDecimal("100.0000")));
        assertEquals("1,080.5", EnglishNumbers.decimal(new BigDecimal("1080.5")));
        assertEquals("-0.5", EnglishNumbers.decimal(new BigDecimal("-0.5")));
        assertEquals("–", EnglishNumbers.percent(null));
    }
}
