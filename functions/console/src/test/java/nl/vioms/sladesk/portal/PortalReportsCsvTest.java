package nl.vioms.sladesk.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The portal's month CSV (issue 18) from figures alone: RFC 4180 quoting, no live formula in a
 * spreadsheet (issue 15, finding 10), decimal points, and the contract's one credit on one line.
 */
class PortalReportsCsvTest {

    @Test
    void namesAreQuotedAsRfc4180RequiresAndNeverAFormula() {
        var pbx = new CustomerMonth.ServiceLine(
                "pbx",
                "=HYPERLINK(\"https://evil.example\",\"Klik\")",
                new BigDecimal("97.5000"),
                new BigDecimal("99.6"),
                false,
                new BigDecimal("1080"),
                new BigDecimal("0"),
                new BigDecimal("12.5"));
        var trunk = new CustomerMonth.ServiceLine(
                "trunk",
                "@trunk, \"hoofd\"",
                new BigDecimal("100.0000"),
                new BigDecimal("99.6"),
                true,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO);
        var month = new CustomerMonth(
                "jansen",
                "+Jansen, Zn. \"Überall\"",
                "N",
                YearMonth.of(2026, 9),
                3,
                List.of(pbx, trunk),
                "pbx",
                new BigDecimal("10"),
                new BigDecimal("1234.50"),
                0);

        String csv = PortalReports.csv(List.of(month));

        assertEquals(
                PortalReports.CSV_HEADER + "\r\n"
                        + "2026-09,jansen,\"'+Jansen, Zn. \"\"Überall\"\"\",pbx,"
                        + "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Klik\"\")\","
                        + "N,97.5000,1080,0,12.5,99.6,false,10,1234.50\r\n"
                        + "2026-09,jansen,\"'+Jansen, Zn. \"\"Überall\"\"\",trunk,"
                        + "\"'@trunk, \"\"hoofd\"\"\",N,100.0000,"
                        + "0,0,0,99.6,true,,\r\n",
                csv,
                "the credit (1 234,50, decimal point, no thousands mark) once, on the PBX's line");
    }
}
