package nl.vioms.sladesk.core.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import nl.vioms.sladesk.core.policy.Priority;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** R10: priority proposed from markers and transparent text rules. */
class PriorityClassifierTest {

    private final PriorityClassifier classifier = new PriorityClassifier();

    private static Arguments marker(String subject, String body, Priority p, String reason) {
        return arguments(subject, body, p, reason, true);
    }

    private static Arguments rule(String subject, String body, Priority p, String reason) {
        return arguments(subject, body, p, reason, false);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // explicit markers in the subject (and the word form in the body)
                marker("[P1] storing telefooncentrale", "", Priority.P1, "subject tag [P1]"),
                marker("Re: [p2] doorverbinden", "Niemand kan bellen", Priority.P2, "subject tag [P2]"),
                marker("P3: vraag over factuur", "", Priority.P3, "subject prefix \"P3:\""),
                marker("Fw: p1: alles stuk", "", Priority.P1, "subject prefix \"P1:\""),
                marker("Prioriteit 1 - telefooncentrale", "vraag", Priority.P1, "subject marker \"Prioriteit 1\""),
                marker("PRIORITY: P2 trunk issue", "", Priority.P2, "subject marker \"PRIORITY: P2\""),
                marker(
                        "Storing",
                        "Graag met prio 2 oppakken, een toestel doet raar.",
                        Priority.P2,
                        "body marker \"prio 2\""),
                // a negated word marker is no marker
                rule(
                        "Geen prio 1, wel graag snel",
                        "Voicemail van Jan werkt niet",
                        Priority.P3,
                        "rule P3 \"voicemail\""),
                // P1, Dutch
                rule("Storing", "Niemand kan bellen sinds 9 uur.", Priority.P1, "rule P1 \"niemand kan bellen\""),
                rule("Hele bedrijf onbereikbaar!!", "", Priority.P1, "rule P1 \"hele bedrijf onbereikbaar\""),
                rule("Storing op álle toestellen", "", Priority.P1, "rule P1 \"alle toestellen\""),
                rule("TELEFONIE   LIGT\n PLAT", "", Priority.P1, "rule P1 \"telefonie ligt plat\""),
                rule("", "Geen enkele lijn werkt meer.", Priority.P1, "rule P1 \"geen enkele lijn\""),
                rule("Volledige storing", "", Priority.P1, "rule P1 \"volledige storing\""),
                rule("Totale storing bij klant", "", Priority.P1, "rule P1 \"totale storing\""),
                // P1, English
                rule("Complete outage", "All phones down since 10:00", Priority.P1, "rule P1 \"all phones down\""),
                rule("Urgent", "No one can call in or out.", Priority.P1, "rule P1 \"no one can call\""),
                rule("Nobody can call!", "", Priority.P1, "rule P1 \"nobody can call\""),
                rule("Platform down?", "", Priority.P1, "rule P1 \"platform down\""),
                rule("Entire company unreachable", "", Priority.P1, "rule P1 \"entire company unreachable\""),
                rule("Total outage", "", Priority.P1, "rule P1 \"total outage\""),
                // negation and partial scope: no P1
                rule(
                        "Niet alle toestellen",
                        "Niet alle toestellen doen het, receptie kan niet bellen",
                        Priority.P2,
                        "rule P2 \"kan niet bellen\" (rule P1 \"alle toestellen\" ignored: negated by \"niet\")"),
                rule("Niet iedereen kan bellen", "", Priority.P2, "rule P2 \"niet iedereen kan bellen\""),
                rule(
                        "Not everyone",
                        "Not everyone can call; all phones down in the warehouse.",
                        Priority.P2,
                        "rule P2 \"not everyone can call\" (rule P1 \"all phones down\" ignored: \"not "
                                + "everyone\" says not all users)"),
                rule(
                        "This is not a complete outage",
                        "Some calls drop after a minute",
                        Priority.P2,
                        "rule P2 \"calls drop\" (rule P1 \"complete outage\" ignored: negated by \"not\")"),
                rule(
                        "Bijna niemand kan bellen",
                        "",
                        Priority.P3,
                        "no rule matched: needs investigation (R10) (rule P1 \"niemand kan bellen\" ignored: "
                                + "negated by \"bijna\")"),
                // P2, Dutch
                rule("Klant kan niet gebeld worden", "", Priority.P2, "rule P2 \"niet gebeld worden\""),
                rule("Ik kan niet bellen", "", Priority.P2, "rule P2 \"kan niet bellen\""),
                rule("Nummer 020-1234567 niet bereikbaar", "", Priority.P2, "rule P2 \"niet bereikbaar\""),
                rule("Doorverbinden werkt niet", "", Priority.P2, "rule P2 \"doorverbinden werkt niet\""),
                rule("Geen kiestoon op toestel 12", "", Priority.P2, "rule P2 \"geen kiestoon\""),
                rule("Gesprek valt weg na 30 seconden", "", Priority.P2, "rule P2 \"valt weg\""),
                rule("Eenrichtingsverkeer bij gesprekken", "", Priority.P2, "rule P2 \"eenrichtingsverkeer\""),
                rule("Wachtrij sales", "Bellers komen niet in de wachtrij", Priority.P2, "rule P2 \"wachtrij\""),
                // P2, English
                rule("One-way audio on calls to KPN", "", Priority.P2, "rule P2 \"one-way audio\""),
                rule("We can’t receive calls on our main number", "", Priority.P2, "rule P2 \"can't receive calls\""),
                rule("Cannot call external numbers", "", Priority.P2, "rule P2 \"cannot call\""),
                rule("Transfer not working", "", Priority.P2, "rule P2 \"transfer not working\""),
                rule("Call routing after hours is wrong", "", Priority.P2, "rule P2 \"call routing\""),
                rule("No dial tone", "", Priority.P2, "rule P2 \"no dial tone\""),
                // P3: information and secondary functions
                rule("Wachtmuziek aanpassen", "", Priority.P3, "rule P3 \"wachtmuziek\""),
                rule("Voicemail to e-mail", "", Priority.P3, "rule P3 \"voicemail\""),
                rule("How do I change the display name?", "", Priority.P3, "rule P3 \"display name\""),
                rule("Question about the invoice", "", Priority.P3, "rule P3 \"question\""),
                rule("Music on hold", "", Priority.P3, "rule P3 \"music on hold\""),
                // whole words and clauses only
                rule("Vraag over wachtrijen", "", Priority.P3, "rule P3 \"vraag\""),
                rule("Platform downtime gepland?", "", Priority.P3, PriorityClassifier.NO_MATCH),
                rule("Ik kan niet. Bellen lukt wel", "", Priority.P3, PriorityClassifier.NO_MATCH),
                // nothing to go on
                rule("", "", Priority.P3, PriorityClassifier.NO_MATCH),
                rule(null, null, Priority.P3, PriorityClassifier.NO_MATCH),
                rule("Hallo", "Iets doet raar sinds gisteren", Priority.P3, PriorityClassifier.NO_MATCH));
    }

    @ParameterizedTest(name = "[{index}] {0} / {1} -> {2}")
    @MethodSource("cases")
    @DisplayName("R10: subject and body give priority and a reason naming the match")
    void classifies(String subject, String body, Priority expected, String reason, boolean explicit) {
        PriorityClassification c = classifier.classify(subject, body);
        assertEquals(expected, c.priority(), c::toString);
        assertEquals(reason, c.reason());
        assertEquals(explicit, c.explicit(), c::toString);
    }

    @Test
    @DisplayName("API field: a valid requested priority wins over markers and text")
    void requestedFieldWins() {
        PriorityClassification c = classifier.classify("P1", "Vraag over voicemail", "");
        assertEquals(Priority.P1, c.priority());
        assertEquals("requested priority field \"P1\"", c.reason());
        assertTrue(c.explicit());

        c = classifier.classify(" p3 ", "[P1] storing", "Niemand kan bellen");
        assertEquals(Priority.P3, c.priority());
        assertEquals("requested priority field \"P3\"", c.reason());
        assertTrue(c.explicit());
    }

    @Test
    @DisplayName("API field: an invalid requested priority is ignored, and the reason says so")
    void invalidRequestedFieldIgnored() {
        PriorityClassification c = classifier.classify("P5", "[P2] doorverbinden", "");
        assertEquals(Priority.P2, c.priority());
        assertEquals("subject tag [P2]; requested priority \"P5\" ignored (not P1, P2 or P3)", c.reason());
        assertTrue(c.explicit());

        c = classifier.classify("urgent", "Niemand kan bellen", "");
        assertEquals(Priority.P1, c.priority());
        assertEquals(
                "rule P1 \"niemand kan bellen\"; requested priority \"urgent\" ignored (not P1, P2 or P3)", c.reason());
        assertFalse(c.explicit());
    }

    @Test
    @DisplayName("API field: null or blank means not requested")
    void blankRequestedField() {
        assertEquals(classifier.classify("Alle toestellen", ""), classifier.classify(null, "Alle toestellen", ""));
        PriorityClassification c = classifier.classify("  ", "Alle toestellen", "");
        assertEquals(Priority.P1, c.priority());
        assertEquals("rule P1 \"alle toestellen\"", c.reason());
    }

    @Test
    @DisplayName(
            "normalisation: lower case, accents stripped, apostrophes removed, whitespace collapsed, clause breaks")
    void normalize() {
        assertEquals(
                "storing op alle toestellen | cant call",
                PriorityClassifier.normalize("Storing op ÁLLE   toestellen!\n\tCan't   call"));
        assertEquals("een richting", PriorityClassifier.normalize("  één-richting  "));
        // pure ASCII skips the Unicode decomposition and must come out the same as its accented twin
        assertEquals(
                PriorityClassifier.normalize("Storing op ÁLLE toestellen!"),
                PriorityClassifier.normalize("Storing op ALLE toestellen!"));
        assertEquals(
                "storing op alle toestellen | cant call",
                PriorityClassifier.normalize("Storing op ALLE toestellen! Can't call"));
        assertEquals(
                "fi storing", PriorityClassifier.normalize("ﬁ storing")); // a compatibility ligature still decomposes
        assertEquals("", PriorityClassifier.normalize(null));
    }

    @Test
    @DisplayName("the default rules are data: ordered P1, then P2, then P3, every phrase unique")
    void rulesAreOrderedData() {
        List<PriorityClassifier.Rule> rules = new PriorityClassifier().rules();
        assertEquals(PriorityClassifier.DEFAULT_RULES, rules);
        for (int i = 1; i < rules.size(); i++) {
            assertTrue(rules.get(i - 1).priority().compareTo(rules.get(i).priority()) <= 0, rules.get(i)::toString);
        }
        assertEquals(
                rules.size(),
                rules.stream()
                        .map(r -> PriorityClassifier.normalize(r.phrase()))
                        .distinct()
                        .count());
        assertTrue(rules.contains(new PriorityClassifier.Rule(Priority.P1, "hele bedrijf onbereikbaar")));
    }

    @Test
    @DisplayName("custom rules are evaluated in list order; a phrase must be plain words")
    void customRules() {
        PriorityClassifier custom = new PriorityClassifier(List.of(
                new PriorityClassifier.Rule(Priority.P2, "fax"),
                new PriorityClassifier.Rule(Priority.P1, "alle toestellen")));
        PriorityClassification c = custom.classify("Fax op alle toestellen", "");
        assertEquals(Priority.P2, c.priority());
        assertEquals("rule P2 \"fax\"", c.reason());
        assertThrows(IllegalArgumentException.class, () -> new PriorityClassifier.Rule(Priority.P1, "  "));
        assertThrows(IllegalArgumentException.class, () -> new PriorityClassifier.Rule(Priority.P1, "niet. bellen"));
    }
}
