package nl.vioms.sladesk.emulators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * template.yaml, the single source of truth for the topology, as the local runtime and the
 * tests need it: resources by type, and each function's handler, code, environment and events.
 */
public final class Template {
    private final Map<String, Object> root;

    private Template(Map<String, Object> root) {
        this.root = root;
    }

    public static Template read(Path file) {
        return new Template(CloudFormationYaml.read(file));
    }

    /** template.yaml of the repository this code runs in (see {@link ProjectRoot}). */
    public static Template ofProject() {
        return read(ProjectRoot.find().resolve("template.yaml"));
    }

    public Map<String, Object> root() {
        return root;
    }

    public Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    /** Logical id to properties, for every resource of one type, in template order. */
    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        resources().forEach((id, value) -> {
            Map<String, Object> resource = map(value);
            if (type.equals(resource.get("Type"))) {
                result.put(id, map(resource.getOrDefault("Properties", Map.of())));
            }
        });
        return result;
    }

    public List<Function> functions() {
        Map<String, Object> globals =
                map(map(root.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of()));
        return resourcesOfType("AWS::Serverless::Function").entrySet().stream()
                .map(e -> {
                    Map<String, Object> props = e.getValue();
                    Map<String, Object> env = new LinkedHashMap<>(variables(globals));
                    env.putAll(variables(props));
                    return new Function(
                            e.getKey(),
                            (String) props.get("Handler"),
                            (String) props.get("CodeUri"),
                            env,
                            map(props.getOrDefault("Events", Map.of())));
                })
                .toList();
    }

    public Optional<Function> function(String logicalId) {
        return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }

    private static Map<String, Object> variables(Map<String, Object> functionProps) {
        Map<String, Object> environment = map(functionProps.getOrDefault("Environment", Map.of()));
        return map(environment.getOrDefault("Variables", Map.of()));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    /**
     * One AWS::Serverless::Function.
     *
     * @param codeUri     the deployable artifact, e.g. functions/escalation/target/escalation-lambda.jar
     * @param environment Globals merged with the function's own variables (raw template values)
     */
    public record Function(
            String logicalId,
            String handler,
            String codeUri,
            Map<String, Object> environment,
            Map<String, Object> events) {

        /** The Maven module folder that builds this function, e.g. functions/escalation. */
        public Path moduleDir() {
            Path uri = Path.of(codeUri);
            int target = -1;
            for (int i = 0; i < uri.getNameCount(); i++) {
                if (uri.getName(i).toString().equals("target")) {
                    target = i;
                }
            }
            return target > 0 ? uri.subpath(0, target) : uri;
        }

        public String handlerClass() {
            int methodSeparator = handler.indexOf("::");
            return methodSeparator < 0 ? handler : handler.substring(0, methodSeparator);
        }
    }

    /** Sanity check for callers holding a path that may not exist. */
    static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing " + file);
        }
        return file;
    }
}
