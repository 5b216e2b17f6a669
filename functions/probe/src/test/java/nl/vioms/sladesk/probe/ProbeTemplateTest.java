package nl.vioms.sladesk.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import nl.vioms.sladesk.emulators.Template;
import org.junit.jupiter.api.Test;

/** The probe's schedule in template.yaml is what the streak rules assume. */
class ProbeTemplateTest {
    @Test
    void theScheduleRunsEveryIntervalAndIsEnabled() {
        var function = Template.ofProject().function("ProbeFunction").orElseThrow();
        Map<String, Object> schedule =
                Template.map(Template.map(function.events().get("EveryMinute")).get("Properties"));
        assertEquals("rate(" + ProbeRound.INTERVAL.toMinutes() + " minute)", schedule.get("ScheduleExpression"));
        assertFalse("DISABLED".equals(schedule.get("State")), "the probe runs (issue #6)");
    }
}
