package nl.vioms.sladesk.emulators;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.Constructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM YAML template into plain maps and lists. The short intrinsic
 * tags ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub ...}) become their JSON long forms
 * ({@code {Ref: X}}, {@code {Fn::GetAtt: [A, B]}}), which is what the published schema and
 * CloudFormation itself see.
 */
public final class CloudFormationYaml {
    private CloudFormationYaml() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(10 * 1024 * 1024);
            return (Map<String, Object>) new Yaml(new IntrinsicConstructor(options)).load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static final class IntrinsicConstructor extends Constructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            for (String name : List.of(
                    "Base64",
                    "Cidr",
                    "FindInMap",
                    "GetAZs",
                    "ImportValue",
                    "Join",
                    "Select",
                    "Split",
                    "Sub",
                    "Transform",
                    "And",
                    "Equals",
                    "If",
                    "Not",
                    "Or",
                    "Length",
                    "ToJsonString")) {
                yamlConstructors.put(new Tag("!" + name), new Intrinsic("Fn::" + name));
            }
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new Intrinsic("Fn::GetAtt"));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = scalar.getValue();
                    // !GetAtt Resource.Attribute is the short form of [Resource, Attribute]
                    value = key.equals("Fn::GetAtt") ? new ArrayList<>(Arrays.asList(text.split("\\.", 2))) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
