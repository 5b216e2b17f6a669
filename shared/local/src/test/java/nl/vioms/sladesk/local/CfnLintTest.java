package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import nl.vioms.sladesk.emulators.ProjectRoot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * cfn-lint applies the SAM transform and checks every CloudFormation property and reference
 * (it found a circular dependency the JSON schema cannot see). It ships with this project's
 * machine image; where it is missing the test says so and is skipped.
 */
class CfnLintTest {
    @Test
    void cfnLintFindsNothingInTheTemplate() throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("cfn-lint", "template.yaml")
                    .directory(ProjectRoot.find().toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException notInstalled) {
            Assumptions.abort("cfn-lint is not installed here");
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), output);
    }
}
