package nl.vioms.sladesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stream handlers' reading and writing of Lambda events (decision 11). */
class JsonTest {
    private static Map<String, Object> event(String json) throws IOException {
        return Json.readEvent(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    record Named(String name, String note) {}

    @Test
    void aRecordIsReadStrictlyNamingTheField() {
        byte[] trailing = "{\"name\":\"a\"} {\"name\":\"b\"}".getBytes(StandardCharsets.UTF_8);
        byte[] number = "{\"name\":\"a\",\"note\":12}".getBytes(StandardCharsets.UTF_8);
        byte[] bool = "{\"name\":true}".getBytes(StandardCharsets.UTF_8);
        byte[] surrogate = "{\"name\":\"a\\ud800b\"}".getBytes(StandardCharsets.UTF_8);

        assertTrue(assertThrows(Json.Invalid.class, () -> Json.read(trailing, Named.class))
                .getMessage()
                .contains("data after the JSON object"));
        assertEquals(
                "'note' is not a JSON string",
                assertThrows(Json.Invalid.class, () -> Json.read(number, Named.class))
                        .getMessage());
        assertEquals(
                "'name' is not a JSON string",
                assertThrows(Json.Invalid.class, () -> Json.read(bool, Named.class))
                        .getMessage());
        assertTrue(assertThrows(Json.Invalid.class, () -> Json.read(surrogate, Named.class))
                .getMessage()
                .startsWith("'name' has a lone UTF-16 surrogate"));
        assertEquals(
                new Named("a", "😟"),
                Json.read("{\"name\":\"a\",\"note\":\"😟\"}".getBytes(StandardCharsets.UTF_8), Named.class));
    }

    @Test
    void anEmptyPayloadIsAnEmptyEvent() throws IOException {
        assertEquals(Map.of(), event(""));
        assertEquals(Map.of(), event("  \n"));
    }

    @Test
    void aPayloadThatIsNotAnObjectIsRefused() {
        assertThrows(Json.Invalid.class, () -> event("[1, 2]"));
        assertThrows(Json.Invalid.class, () -> event("{\"Records\": "));
    }

    @Test
    void membersAreReadByShapeAndAbsentOnesAreEmpty() throws IOException {
        Map<String, Object> e = event("{\"Records\":[{\"Sns\":{\"MessageId\":\"m-1\",\"Message\":\"{}\"}},"
                + "{\"Sns\":{\"MessageId\":\"m-2\"}}]}");
        List<Map<String, Object>> records = Json.objects(e, "Records");
        assertEquals(2, records.size());
        assertEquals("m-1", Json.string(Json.object(records.get(0), "Sns"), "MessageId"));
        assertEquals(null, Json.string(Json.object(records.get(1), "Sns"), "Message"));
        assertEquals(Map.of(), Json.object(e, "requestContext"));
        assertEquals(List.of(), Json.list(e, "cookies"));
    }

    @Test
    void aMemberOfTheWrongShapeIsRefusedByName() throws IOException {
        Map<String, Object> e = event("{\"Records\":{\"a\":1},\"headers\":[],\"routeKey\":7,\"list\":[1]}");
        var notArray = assertThrows(Json.Invalid.class, () -> Json.list(e, "Records"));
        assertTrue(notArray.getMessage().contains("'Records' is not a JSON array"), notArray.getMessage());
        assertThrows(Json.Invalid.class, () -> Json.object(e, "headers"));
        assertThrows(Json.Invalid.class, () -> Json.string(e, "routeKey"));
        var notObjects = assertThrows(Json.Invalid.class, () -> Json.objects(e, "list"));
        assertTrue(notObjects.getMessage().contains("'list'"), notObjects.getMessage());
    }

    @Test
    void decimalsAreWrittenPlainAndResultsAsUtf8() throws IOException {
        // 1E+2 is 100; money must never reach finance as an exponent
        assertEquals("{\"credit\":100}", Json.write(Map.of("credit", new BigDecimal("1E+2"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Json.writeResult(out, Map.of("klant", "Café"));
        assertEquals("{\"klant\":\"Café\"}", out.toString(StandardCharsets.UTF_8));
    }

    record Point(String month, BigDecimal availability) {}

    @Test
    void prettyOutputIsIndentedWithFieldsInAlphabeticalOrder() {
        String json = Json.writePretty(new Point("2026-10", new BigDecimal("99.2282")));
        assertEquals("{\n  \"availability\" : 99.2282,\n  \"month\" : \"2026-10\"\n}", json);
    }
}
