package nl.vioms.sladesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The one CSV cell writer of finance's export and the portal's CSV (issue 15 finding 10, issue 18). */
class CsvCellsTest {

    @Test
    void aCellStartingAsAFormulaGetsAnApostropheAndIsThenQuoted() {
        assertEquals("'=1+1", CsvCells.text("=1+1", ','));
        assertEquals("'+31 20 123", CsvCells.text("+31 20 123", ','));
        assertEquals("'-2", CsvCells.text("-2", ','));
        assertEquals("'@SUM(A1)", CsvCells.text("@SUM(A1)", ','));
        assertEquals("\"'=1,2\"", CsvCells.text("=1,2", ','));
        assertEquals("\"'=1;2\"", CsvCells.text("=1;2", ';'));
        assertEquals("a=b", CsvCells.text("a=b", ','), "only the first character counts");
    }

    @Test
    void quotedAsRfc4180RequiresForTheSeparatorQuotesAndLineBreaks() {
        assertEquals("\"Jansen, Zn.\"", CsvCells.text("Jansen, Zn.", ','));
        assertEquals("Jansen, Zn.", CsvCells.text("Jansen, Zn.", ';'));
        assertEquals("\"De \"\"Kroon\"\"\"", CsvCells.text("De \"Kroon\"", ','));
        assertEquals("\"a\nb\"", CsvCells.text("a\nb", ','));
        assertEquals("Café", CsvCells.text("Café", ','));
        assertEquals("", CsvCells.text(null, ','));
    }

    @Test
    void numbersArePlainWithTheDialectsDecimalMark() {
        assertEquals("-12.50", CsvCells.number(new BigDecimal("-12.50"), '.'));
        assertEquals("-12,50", CsvCells.number(new BigDecimal("-12.50"), ','));
        assertEquals("1000000", CsvCells.number(new BigDecimal("1E+6"), '.'));
        assertEquals("", CsvCells.number(null, '.'));
    }
}
