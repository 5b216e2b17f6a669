package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.vioms.sladesk.emulators.ProjectRoot;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, item 14: the README and docs resolve in a fresh clone: every relative Markdown link
 * points at a file of the repository, and nothing points outside it (the shared folder beside the
 * repository is not part of a clone).
 */
class DocLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void everyRelativeLinkOfTheDocsResolvesInsideTheRepository() throws IOException {
        Path root = ProjectRoot.find();
        List<String> broken = new ArrayList<>();
        List<Path> docs = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> files = Files.walk(root.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        for (Path doc : docs) {
            String text = Files.readString(doc);
            if (text.contains("../shared/")) {
                broken.add(root.relativize(doc) + ": names ../shared/, which a clone does not have");
            }
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                Path resolved = doc.getParent().resolve(target).normalize();
                if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                    broken.add(root.relativize(doc) + ": " + target);
                }
            }
        }
        assertEquals(List.of(), broken);
    }
}
