package nl.vioms.sladesk.emulators;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (the folder with template.yaml) from wherever the JVM runs. */
public final class ProjectRoot {
    private ProjectRoot() {}

    public static Path find() {
        String configured = System.getProperty("sladesk.root");
        if (configured != null && Files.isRegularFile(Path.of(configured, "template.yaml"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the SLA Desk repository (template.yaml) above "
                + Path.of("").toAbsolutePath() + "; run from inside the repository or set -Dsladesk.root");
    }
}
