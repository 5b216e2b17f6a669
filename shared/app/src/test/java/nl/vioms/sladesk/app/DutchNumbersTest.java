package nl.vioms.sladesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DutchNumbersTest {

    @Test
    void decimalsKeepTheirScaleGroupThousandsWithADotAndUseAComma() {
        assertEquals("99,6543", DutchNumbers.decimal(new BigDecimal("99.6543")));
        assertEquals("43.200", DutchNumbers.decimal(new BigDecimal("43200")));
        assertEquals("1.234,50", DutchNumbers.decimal(new BigDecimal("1234.50")));
        assertEquals("99,6543 %", DutchNumbers.percent(new BigDecimal("99.6543")));
        assertEquals("–", DutchNumbers.decimal(null));
    }

    @Test
    void aNegativeFigureKeepsItsSignAlsoBetweenMinusOneAndZero() {
        assertEquals("-0,5", DutchNumbers.decimal(new BigDecimal("-0.5")));
        assertEquals("-1.234,5", DutchNumbers.decimal(new BigDecimal("-1234.5")));
    }

    @Test
    void moneyInEurosWithTwoDecimals() {
        assertEquals("€ 1.234,50", DutchNumbers.money(new BigDecimal("1234.5")));
        assertEquals("€ 0,00", DutchNumbers.money(BigDecimal.ZERO));
    }
}
