package nl.vioms.sladesk.emulators;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Creates the template's tables, topics, queues and buckets on emulators (never from a second
 * hand-written definition) and resolves what the template's {@code !Ref}, {@code !GetAtt} and
 * {@code !Sub} values mean locally: a table's name is its logical id, a topic's ARN is what the
 * emulator returns, the HTTP API is the local base URL.
 */
public final class LocalResources {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final Template template;
    private final String region;
    private final String publicBaseUrl;
    private final Map<String, String> parameters;
    /** Logical id to what {@code Ref} returns for it. */
    private final Map<String, String> refs = new LinkedHashMap<>();
    /** Logical id + "." + attribute to what {@code Fn::GetAtt} returns. */
    private final Map<String, String> attributes = new HashMap<>();

    private LocalResources(Template template, String region, String publicBaseUrl) {
        this.template = template;
        this.region = region;
        this.publicBaseUrl = publicBaseUrl;
        // locally, links point at the local HTTP API; the demo people log in without an
        // authenticator app (decision 26; tests of the TOTP set-up set the roles themselves)
        this.parameters = Map.of("PublicBaseUrl", publicBaseUrl, "ConsoleTotpRoles", "");
    }

    /** Creates every resource (idempotent: existing ones are kept, with their data). */
    public static LocalResources create(
            Template template,
            String region,
            String publicBaseUrl,
            DynamoDbClient dynamo,
            SnsClient sns,
            SqsClient sqs,
            S3Client s3,
            boolean withStreams) {
        return create(template, region, publicBaseUrl, dynamo, sns, sqs, s3, null, withStreams);
    }

    /** As above, with the console's user pools on {@code cognito} (null: the emulators offer no Cognito). */
    public static LocalResources create(
            Template template,
            String region,
            String publicBaseUrl,
            DynamoDbClient dynamo,
            SnsClient sns,
            SqsClient sqs,
            S3Client s3,
            CognitoIdentityProviderClient cognito,
            boolean withStreams) {
        LocalResources resources = new LocalResources(template, region, publicBaseUrl);
        template.resourcesOfType("AWS::DynamoDB::Table").forEach((id, props) -> {
            LocalTables.create(dynamo, LocalTables.request(id, props, withStreams));
            resources.refs.put(id, id);
            resources.attributes.put(id + ".Arn", "arn:aws:dynamodb:" + region + ":000000000000:table/" + id);
        });
        template.resourcesOfType("AWS::SNS::Topic").forEach((id, props) -> {
            String arn = sns.createTopic(b -> b.name(id)).topicArn();
            resources.refs.put(id, arn);
            resources.attributes.put(id + ".TopicArn", arn);
            resources.attributes.put(id + ".TopicName", id);
        });
        template.resourcesOfType("AWS::SQS::Queue").forEach((id, props) -> {
            String url = sqs.createQueue(b -> b.queueName(id)).queueUrl();
            resources.refs.put(id, url);
            resources.attributes.put(id + ".Arn", "arn:aws:sqs:" + region + ":000000000000:" + id);
            resources.attributes.put(id + ".QueueName", id);
        });
        template.resourcesOfType("AWS::S3::Bucket").forEach((id, props) -> {
            String name = bucketName(id);
            if (!s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(name))) {
                s3.createBucket(b -> b.bucket(name));
            }
            resources.refs.put(id, name);
            resources.attributes.put(id + ".Arn", "arn:aws:s3:::" + name);
        });
        template.resourcesOfType("AWS::Serverless::HttpApi")
                .keySet()
                .forEach(id -> resources.refs.put(id, publicBaseUrl));
        // a function's Ref is its name; locally a function is named by its logical id (the console names
        // the month-end function it invokes, issue 17)
        template.resourcesOfType("AWS::Serverless::Function").keySet().forEach(id -> resources.refs.put(id, id));
        // SES (issue 16): the mail emulator keeps no configuration sets or identities; their names resolve
        template.resourcesOfType("AWS::SES::ConfigurationSet").keySet().forEach(id -> resources.refs.put(id, id));
        template.resourcesOfType("AWS::SES::EmailIdentity")
                .forEach((id, props) -> resources.refs.put(id, resources.resolve(props.get("EmailIdentity"))));
        if (cognito != null) {
            resources.createUserPools(cognito);
        } else {
            resources.withoutUserPools();
        }
        return resources;
    }

    /**
     * Emulators without Cognito (LocalStack's free edition): the pools' names resolve to stand-ins,
     * so every function still gets its environment; the console's login answers only with Cognito.
     */
    private void withoutUserPools() {
        for (String type :
                List.of("AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolGroup")) {
            template.resourcesOfType(type).keySet().forEach(id -> {
                refs.put(id, "no-cognito-" + id);
                attributes.put(id + ".Arn", "arn:aws:cognito-idp:" + region + ":000000000000:userpool/no-cognito");
            });
        }
    }

    /**
     * The console's user pools, their groups and app clients (issue 17) on cognito-local, found by
     * name when they exist (cognito-local gives a pool a new random id on every create).
     */
    private void createUserPools(CognitoIdentityProviderClient cognito) {
        template.resourcesOfType("AWS::Cognito::UserPool").forEach((id, props) -> {
            String name = resolve(props.getOrDefault("UserPoolName", id));
            String poolId = cognito.listUserPools(b -> b.maxResults(60)).userPools().stream()
                    .filter(pool -> pool.name().equals(name))
                    .map(UserPoolDescriptionType::id)
                    .findFirst()
                    .orElseGet(() -> cognito.createUserPool(b -> b.poolName(name)
                                    .usernameAttributesWithStrings("email")
                                    .autoVerifiedAttributesWithStrings("email")
                                    .mfaConfiguration(String.valueOf(props.getOrDefault("MfaConfiguration", "OFF"))))
                            .userPool()
                            .id());
            refs.put(id, poolId);
            attributes.put(id + ".Arn", "arn:aws:cognito-idp:" + region + ":000000000000:userpool/" + poolId);
            attributes.put(id + ".ProviderName", "cognito-idp." + region + ".amazonaws.com/" + poolId);
        });
        template.resourcesOfType("AWS::Cognito::UserPoolGroup").forEach((id, props) -> {
            String poolId = resolve(props.get("UserPoolId"));
            String group = resolve(props.get("GroupName"));
            try {
                cognito.createGroup(b -> b.userPoolId(poolId).groupName(group));
            } catch (GroupExistsException e) {
                // created on an earlier start: kept
            }
            refs.put(id, group);
        });
        template.resourcesOfType("AWS::Cognito::UserPoolClient").forEach((id, props) -> {
            String poolId = resolve(props.get("UserPoolId"));
            String name = resolve(props.getOrDefault("ClientName", id));
            List<String> flows = Template.list(props.get("ExplicitAuthFlows")).stream()
                    .map(String::valueOf)
                    .toList();
            String clientId =
                    cognito.listUserPoolClients(b -> b.userPoolId(poolId).maxResults(60)).userPoolClients().stream()
                            .filter(client -> client.clientName().equals(name))
                            .map(UserPoolClientDescription::clientId)
                            .findFirst()
                            .orElseGet(() -> cognito.createUserPoolClient(b -> b.userPoolId(poolId)
                                            .clientName(name)
                                            .explicitAuthFlowsWithStrings(flows)
                                            .idTokenValidity(validity(props, "IdTokenValidity"))
                                            .accessTokenValidity(validity(props, "AccessTokenValidity"))
                                            .tokenValidityUnits(units -> units.idToken(unit(props, "IdToken"))
                                                    .accessToken(unit(props, "AccessToken"))))
                                    .userPoolClient()
                                    .clientId());
            refs.put(id, clientId);
        });
    }

    private static Integer validity(Map<String, Object> client, String property) {
        Object value = client.get(property);
        return value == null ? null : Integer.valueOf(String.valueOf(value));
    }

    private static String unit(Map<String, Object> client, String token) {
        Object value = Template.map(client.get("TokenValidityUnits")).get(token);
        return value == null ? null : String.valueOf(value);
    }

    /** A table's local name is its logical id. */
    public String tableName(String logicalId) {
        return require(logicalId);
    }

    /** A topic's ARN, a queue's URL, a bucket's name, a table's name. */
    public String require(String logicalId) {
        String value = refs.get(logicalId);
        if (value == null) {
            throw new IllegalArgumentException("template.yaml has no local resource " + logicalId);
        }
        return value;
    }

    /** The environment one function gets, resolved as Lambda would see it. */
    public Map<String, String> environmentOf(Template.Function function) {
        Map<String, String> env = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> env.put(name, resolve(value)));
        env.put("AWS_REGION", region);
        return env;
    }

    /** Resolves one template value (string, Ref, GetAtt, Sub). */
    public String resolve(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        Map<String, Object> intrinsic = Template.map(value);
        if (intrinsic.containsKey("Ref")) {
            return resolveRef((String) intrinsic.get("Ref"));
        }
        if (intrinsic.containsKey("Fn::GetAtt")) {
            List<Object> parts = Template.list(intrinsic.get("Fn::GetAtt"));
            return requireAttribute(parts.get(0) + "." + parts.get(1));
        }
        if (intrinsic.containsKey("Fn::Sub")) {
            Object sub = intrinsic.get("Fn::Sub");
            String text =
                    sub instanceof String s ? s : (String) Template.list(sub).get(0);
            if (referencesHttpApi(text)) {
                return publicBaseUrl;
            }
            Matcher m = SUB_VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String replacement = name.contains(".") ? requireAttribute(name) : resolveRef(name);
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return out.toString();
        }
        throw new IllegalArgumentException("cannot resolve template value " + value + " locally");
    }

    private boolean referencesHttpApi(String sub) {
        Matcher m = SUB_VARIABLE.matcher(sub);
        while (m.find()) {
            String name = m.group(1);
            if (template.resourcesOfType("AWS::Serverless::HttpApi").containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    private String resolveRef(String name) {
        return switch (name) {
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> "000000000000";
            case "AWS::StackName" -> "sladesk-local";
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> refs.containsKey(name) ? refs.get(name) : parameterDefault(name);
        };
    }

    private String parameterDefault(String name) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        Map<String, Object> parameter =
                Template.map(Template.map(template.root().get("Parameters")).get(name));
        if (!parameter.containsKey("Default")) {
            throw new IllegalArgumentException("template.yaml: nothing local for Ref " + name);
        }
        return String.valueOf(parameter.get("Default"));
    }

    private String requireAttribute(String name) {
        String value = attributes.get(name);
        if (value == null) {
            throw new IllegalArgumentException("template.yaml: nothing local for GetAtt " + name);
        }
        return value;
    }

    static String bucketName(String logicalId) {
        return "sladesk-" + logicalId.toLowerCase(Locale.ROOT);
    }
}
