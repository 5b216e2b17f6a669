package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.emulators.Template;
import org.junit.jupiter.api.Test;

/**
 * Least privilege (issue 15): each function's IAM grants in template.yaml are exactly the actions
 * its code calls, checked both ways: no grant outside {@link #ALLOWED}, and nothing in it left
 * ungranted.
 *
 * <p>How the list stays in step with the code: {@link #SDK_CALLS} is the inventory of every AWS SDK
 * call in deployed code (shared/aws and the functions), file by file, and
 * {@link #sdkCallsInTheCodeAreTheInventory()} scans the sources for it. A new call (say
 * {@code dynamo.deleteItem} in OutboxRepository) fails that test first; whoever adds it adds it to the
 * inventory and then, for every function whose code path reaches that file (see the comments of
 * {@link #ALLOWED}), the action to the function's line here and the grant to template.yaml. A grant
 * added to the template alone fails {@link #everyFunctionIsGrantedExactlyTheActionsItsCodeCalls()}.
 */
class LeastPrivilegeTest {
    private static final Path ROOT = ProjectRoot.find();
    private static final Template TEMPLATE = Template.read(ROOT.resolve("template.yaml"));

    /*
     * Per function: "resources: actions". A resource is a logical id, with /index/* for its indexes
     * or /* for a bucket's objects. TransactWriteItems is authorised per item (PutItem here) and
     * needs no action of its own.
     */
    static final Map<String, List<String>> ALLOWED = Map.of(
            // TicketService -> TicketRepository (+ IntakeRecords: the counter's UpdateItem, source
            // claims), outboxHas (Outbox GetItem), the transaction's outbox Put; DirectoryRepository
            // lookups (Attr.getItem); IntakeEmailHandler's raw mail in S3
            "IntakeEmailFunction",
            List.of(
                    "TicketsTable, TicketsTable/index/*: dynamodb:GetItem dynamodb:PutItem dynamodb:UpdateItem"
                            + " dynamodb:Query",
                    "OutboxTable: dynamodb:GetItem dynamodb:PutItem",
                    // MailIntake.repliedTo -> OutboxRepository.ticketOf (issue 16)
                    "OutboxTable/index/by-mail-id: dynamodb:Query",
                    "DirectoryTable: dynamodb:GetItem",
                    "MailBucket/*: s3:GetObject s3:PutObject"),
            // as e-mail intake, HealthRoute's DescribeTable, TokenTable.markUsed (a token's last use),
            // and ReportsRepository.reported (RequestTimes: no back-dating into a closed month)
            "IntakeApiFunction",
            List.of(
                    "TicketsTable, TicketsTable/index/*: dynamodb:GetItem dynamodb:PutItem dynamodb:UpdateItem"
                            + " dynamodb:DeleteItem dynamodb:Query dynamodb:DescribeTable",
                    "OutboxTable: dynamodb:GetItem dynamodb:PutItem",
                    "DirectoryTable: dynamodb:GetItem dynamodb:UpdateItem",
                    // issue 19: MailPlanner.majorIncident -> DirectoryRepository.customers (index)
                    "DirectoryTable/index/*: dynamodb:Query",
                    // issue 19: PublicStatus -> MonitoringRepository.services/records, ProbeRepository.targets/streaks
                    "MonitoringTable: dynamodb:Query dynamodb:BatchGetItem",
                    "ReportsTable: dynamodb:GetItem"),
            // ProbeRepository + MonitoringRepository (writes, streaks); TicketService for P1 incidents
            "ProbeFunction",
            List.of(
                    "MonitoringTable: dynamodb:PutItem dynamodb:UpdateItem dynamodb:DeleteItem"
                            + " dynamodb:BatchGetItem dynamodb:Query",
                    "TicketsTable, TicketsTable/index/*: dynamodb:GetItem dynamodb:PutItem dynamodb:UpdateItem"
                            + " dynamodb:Query",
                    "OutboxTable: dynamodb:GetItem dynamodb:PutItem",
                    // issue 19: the notices of a major incident it opens (MailPlanner.majorIncident)
                    "DirectoryTable: dynamodb:GetItem",
                    "DirectoryTable/index/*: dynamodb:Query",
                    "SchedulesDlq: sqs:SendMessage"),
            // TicketRepository.dueBy/read, recordCheckpoints (no intake: no counter UpdateItem);
            // OutboxRepository.listByState (index by-state) and redrive
            "SlaCheckFunction",
            List.of(
                    "TicketsTable, TicketsTable/index/*: dynamodb:GetItem dynamodb:PutItem dynamodb:Query",
                    "OutboxTable, OutboxTable/index/*: dynamodb:GetItem dynamodb:PutItem dynamodb:UpdateItem"
                            + " dynamodb:Query",
                    // MonthEndWatch: ReportsRepository.runFinished (issue 21)
                    "ReportsTable: dynamodb:GetItem",
                    "SchedulesDlq: sqs:SendMessage"),
            // OutboxPublisher: outbox.find, sns.publish, outbox.markDelivered, TicketRepository.childCount
            "EscalationFunction",
            List.of(
                    "OutboxTable: dynamodb:GetItem dynamodb:UpdateItem",
                    // issue 19: TicketRepository.childCount, a major incident's linked reports
                    "TicketsTable: dynamodb:Query",
                    "EscalationsTopic, OperationsTopic: sns:Publish",
                    "EscalationDlq: sqs:SendMessage",
                    "MessagingKey: kms:GenerateDataKey* kms:Decrypt"),
            // Mailer: outbox.find/markMailAccepted/markSkipped, MailRepository.isSuppressed (Attr.getItem) and
            // countWithinHourlyLimit, TicketService.record (mail-skipped), MonitoringRepository.recordAnnouncementMail,
            // SES SendEmail with raw content (authorised as ses:SendRawEmail on identity and configuration set)
            "MailerFunction",
            List.of(
                    "OutboxTable: dynamodb:GetItem dynamodb:UpdateItem",
                    "MailTable: dynamodb:GetItem dynamodb:UpdateItem",
                    "TicketsTable: dynamodb:GetItem dynamodb:PutItem dynamodb:Query",
                    "MonitoringTable: dynamodb:GetItem dynamodb:UpdateItem",
                    "MailIdentity, MailConfigurationSet: ses:SendRawEmail",
                    "MailDlq: sqs:SendMessage"),
            // MailFeedback: MailRepository.suppress, TicketService.record (mail-bounced)
            "MailFeedbackFunction",
            List.of("MailTable: dynamodb:PutItem", "TicketsTable: dynamodb:GetItem dynamodb:PutItem dynamodb:Query"),
            // MonitoringRepository.services/records, ProbeRepository.targets/hasCheck,
            // TicketRepository.createdBetween/read (queries),
            // DirectoryRepository.customers (index), ReportsRepository, ReportPublisher, outbox.add
            "MonthEndFunction",
            List.of(
                    "MonitoringTable: dynamodb:Query",
                    "TicketsTable, TicketsTable/index/*: dynamodb:Query",
                    "DirectoryTable, DirectoryTable/index/*: dynamodb:Query",
                    // ReportPublisher's names: DirectoryRepository.reseller (issue 20)
                    "DirectoryTable: dynamodb:GetItem",
                    "ReportsTable: dynamodb:GetItem dynamodb:PutItem dynamodb:Query",
                    "ReportsBucket/*: s3:PutObject",
                    "OutboxTable: dynamodb:PutItem",
                    "SchedulesDlq: sqs:SendMessage"),
            // Beheer (issue 17): DirectoryAdmin (Attr.getItem, lists on the customers index, the
            // audit trail's Query, edits as transactions: entry and lookups put, lookups deleted),
            // ApiTokens -> TokenTable (issue: PutItem, rotate/revoke: UpdateItem, list: index Query);
            // queue and ticket pages (issue 17): TicketService.queue/view/record (queue index, GetItem,
            // the transaction's Puts), outboxHas and the event's outbox Puts, OutboxRepository.mailsOf
            // (by-thread), DirectoryRepository.reseller/customer (Attr.getItem) and customers (Query).
            // Pages 3-5 (console.operations): MonitoringRepository.services/records/putMaintenance,
            // ProbeRepository.targets/streaks/lastCheck; MaintenanceAnnouncements (MailPlanner: customers,
            // resellers: the directory grants above; outbox.add); OutboxRepository.deliveries
            // (by-state)/delivery/redrive; ReportsRepository.runs/summary/figures; MonthEndPages' reports,
            // LambdaMonthEndRuns' invoke;
            // the console (issue 17, decision 26): CognitoLogin (login, challenges, forgotten
            // password), SessionRevocations (logout, and its look-up on every request), UserPages
            // (role admin: list, invite, roles, disable/enable)
            "ConsoleFunction",
            List.of(
                    "TicketsTable, TicketsTable/index/*: dynamodb:GetItem dynamodb:PutItem dynamodb:Query",
                    "OutboxTable: dynamodb:GetItem dynamodb:PutItem dynamodb:UpdateItem",
                    "OutboxTable/index/by-thread: dynamodb:Query",
                    "DirectoryTable: dynamodb:GetItem dynamodb:PutItem dynamodb:UpdateItem dynamodb:DeleteItem"
                            + " dynamodb:Query",
                    "DirectoryTable/index/*: dynamodb:Query",
                    "MonitoringTable: dynamodb:Query dynamodb:BatchGetItem dynamodb:PutItem",
                    "OutboxTable/index/by-state: dynamodb:Query",
                    "ReportsTable: dynamodb:GetItem dynamodb:Query",
                    "ReportsBucket/*: s3:GetObject",
                    // a ticket's attachments (issue 18): TicketPage's download, a presigned GET
                    "AttachmentsBucket/*: s3:GetObject",
                    "MonthEndFunction: lambda:InvokeFunction",
                    "ConsoleUserPool: cognito-idp:InitiateAuth cognito-idp:RespondToAuthChallenge"
                            + " cognito-idp:ForgotPassword cognito-idp:ConfirmForgotPassword"
                            + " cognito-idp:AssociateSoftwareToken cognito-idp:VerifySoftwareToken"
                            + " cognito-idp:SetUserMFAPreference"
                            + " cognito-idp:ListUsers cognito-idp:ListUsersInGroup cognito-idp:AdminCreateUser"
                            + " cognito-idp:AdminAddUserToGroup cognito-idp:AdminRemoveUserFromGroup"
                            + " cognito-idp:AdminDisableUser cognito-idp:AdminEnableUser"
                            // Portaaltoegang (issue 18): PortalAccessPages -> UserPool.ensureGroup
                            + " cognito-idp:CreateGroup",
                    "ConsoleSessionsTable: dynamodb:GetItem dynamodb:PutItem"),
            // the reseller portal (issue 18, decision 28): CognitoLogin and SessionRevocations as the
            // console's; PortalApp.reseller (DirectoryRepository.reseller: Attr.getItem);
            // PortalReports (issue 18): DirectoryRepository.customers (index Query),
            // ReportsRepository.runs (Query), runFinished/summary/figures/document (GetItem)
            "PortalFunction",
            List.of(
                    // the reseller (GetItem); API-tokens: PortalTokens -> ApiTokens -> TokenTable (issue
                    // PutItem, rotate/revoke UpdateItem); customers and tokens listed on the customers index
                    "DirectoryTable: dynamodb:GetItem dynamodb:PutItem dynamodb:UpdateItem",
                    "DirectoryTable/index/*: dynamodb:Query",
                    "ReportsTable: dynamodb:GetItem dynamodb:Query",
                    "ConsoleUserPool: cognito-idp:InitiateAuth cognito-idp:RespondToAuthChallenge"
                            + " cognito-idp:ForgotPassword cognito-idp:ConfirmForgotPassword",
                    "ConsoleSessionsTable: dynamodb:GetItem dynamodb:PutItem",
                    // issue 18, Medewerkers: PortalStaff -> UserPool (per pool: the code's checks are the wall)
                    "ConsoleUserPool: cognito-idp:ListUsersInGroup cognito-idp:AdminCreateUser"
                            + " cognito-idp:AdminAddUserToGroup cognito-idp:AdminDisableUser"
                            + " cognito-idp:AdminEnableUser",
                    // the reseller's tickets (p-follow): TicketService.openForReseller, doneForReseller,
                    // view and record (TicketRepository; the transaction's outbox Put), OutboxRepository.mailsOf
                    "TicketsTable, TicketsTable/index/*: dynamodb:GetItem dynamodb:PutItem dynamodb:Query",
                    "OutboxTable: dynamodb:PutItem",
                    "OutboxTable/index/by-thread: dynamodb:Query",
                    // "Nieuwe melding" (decision 32): TicketService.open as IntakeApiFunction's (counter:
                    // UpdateItem, outboxHas: outbox GetItem); AttachmentRepository (GetItem, PutItem, Query)
                    "TicketsTable, TicketsTable/index/*: dynamodb:UpdateItem",
                    "OutboxTable: dynamodb:GetItem",
                    // attachments: the presigned POST (PutObject), AttachmentFiles' headObject and
                    // deleteObject, the presigned GET (GetObject)
                    "AttachmentsBucket/*: s3:PutObject s3:GetObject s3:DeleteObject"));

    /** Every AWS SDK call in deployed code, per source file (DirectoryRepository's puts: seeding only). */
    static final Map<String, Set<String>> SDK_CALLS = Map.ofEntries(
            Map.entry("OutboxPublisher.java", Set.of("sns.publish")),
            Map.entry("HealthRoute.java", Set.of("dynamo.describeTable")),
            Map.entry("IntakeEmailHandler.java", Set.of("s3.getObjectAsBytes", "s3.putObject")),
            Map.entry("ReportPublisher.java", Set.of("s3.putObject")),
            Map.entry("MonthEndPages.java", Set.of("s3.getObjectAsBytes")),
            // the portal's attachments (issue 18): the check before recording, a refused upload removed
            Map.entry("AttachmentFiles.java", Set.of("s3.deleteObject", "s3.headObject")),
            Map.entry("AttachmentRepository.java", Set.of("dynamo.putItem", "dynamo.query")),
            Map.entry("LambdaMonthEndRuns.java", Set.of("lambda.invoke")),
            Map.entry("Attr.java", Set.of("dynamo.getItem")),
            Map.entry("DirectoryRepository.java", Set.of("dynamo.putItem", "dynamo.queryPaginator")),
            // the console's admin pages (issue 17)
            Map.entry(
                    "DirectoryAdmin.java",
                    Set.of("dynamo.query", "dynamo.queryPaginator", "dynamo.transactWriteItems")),
            // issue, seed, list, rotate and revoke are ./sladesk's, Beheer's and (not seed) the portal's;
            // markUsed (UpdateItem) is the API's
            Map.entry("TokenTable.java", Set.of("dynamo.putItem", "dynamo.queryPaginator", "dynamo.updateItem")),
            Map.entry(
                    "MonitoringRepository.java",
                    Set.of("dynamo.getItem", "dynamo.putItem", "dynamo.queryPaginator", "dynamo.updateItem")),
            Map.entry("MailRepository.java", Set.of("dynamo.putItem", "dynamo.updateItem")),
            Map.entry("Mailer.java", Set.of("ses.sendEmail")),
            Map.entry("SessionRevocations.java", Set.of("dynamo.getItem", "dynamo.putItem")),
            Map.entry(
                    "TotpSetup.java",
                    Set.of(
                            "cognito.associateSoftwareToken",
                            "cognito.setUserMFAPreference",
                            "cognito.verifySoftwareToken")),
            Map.entry(
                    "CognitoLogin.java",
                    Set.of(
                            "cognito.confirmForgotPassword",
                            "cognito.forgotPassword",
                            "cognito.initiateAuth",
                            "cognito.respondToAuthChallenge")),
            // the user pool's admin calls of the console's users page, Portaaltoegang and the portal's
            // Medewerkers (issue 18): one place
            Map.entry(
                    "UserPool.java",
                    // adminSetUserPassword: createWithPassword, the local demo's people and tests only
                    // (no function's path reaches it, so no function is granted it)
                    Set.of(
                            "cognito.adminAddUserToGroup",
                            "cognito.adminCreateUser",
                            "cognito.adminSetUserPassword",
                            "cognito.adminDisableUser",
                            "cognito.adminEnableUser",
                            "cognito.adminRemoveUserFromGroup",
                            "cognito.createGroup",
                            "cognito.listUsersInGroup",
                            "cognito.listUsersInGroupPaginator",
                            "cognito.listUsersPaginator")),
            Map.entry(
                    "ProbeRepository.java",
                    Set.of(
                            "dynamo.batchGetItem",
                            "dynamo.deleteItem",
                            "dynamo.putItem",
                            "dynamo.query", // hasCheck: one item at most (month-end, issue 20)
                            "dynamo.queryPaginator",
                            "dynamo.updateItem")),
            Map.entry(
                    "OutboxRepository.java",
                    Set.of("dynamo.getItem", "dynamo.putItem", "dynamo.queryPaginator", "dynamo.updateItem")),
            Map.entry("ReportsRepository.java", Set.of("dynamo.getItem", "dynamo.putItem", "dynamo.queryPaginator")),
            Map.entry("IntakeRecords.java", Set.of("dynamo.putItem", "dynamo.updateItem")),
            Map.entry(
                    "TicketRepository.java",
                    Set.of(
                            "dynamo.getItem",
                            "dynamo.putItem",
                            "dynamo.query",
                            "dynamo.queryPaginator",
                            "dynamo.transactWriteItems")));

    private static final Pattern SDK_CALL =
            Pattern.compile("\\b(dynamo|s3|sns|sqs|ses|lambda|cognito)(?:\\.get\\(\\))?\\s*\\.\\s*([a-zA-Z]+)\\s*\\(");

    @Test
    void everyFunctionIsGrantedExactlyTheActionsItsCodeCalls() {
        assertEquals(List.of(), excessAndMissing(TEMPLATE.root()));
    }

    @Test
    void aPlantedDeleteItemGrantFailsTheCheck() {
        Map<String, Object> root = deepCopy(TEMPLATE.root());
        // e-mail intake never deletes (the API does since issue 19: an unlinked child's link item)
        policies(root, "IntakeEmailFunction")
                .add(Map.of(
                        "Statement",
                        List.of(Map.of(
                                "Effect", "Allow",
                                "Action", "dynamodb:DeleteItem",
                                "Resource", Map.of("Fn::GetAtt", List.of("TicketsTable", "Arn"))))));

        assertEquals(
                List.of("IntakeEmailFunction is granted dynamodb:DeleteItem on TicketsTable,"
                        + " which its code does not call"),
                excessAndMissing(root));
    }

    @Test
    void aSamPolicyTemplateFailsTheCheck() {
        Map<String, Object> root = deepCopy(TEMPLATE.root());
        policies(root, "SlaCheckFunction")
                .add(Map.of("DynamoDBCrudPolicy", Map.of("TableName", Map.of("Ref", "TicketsTable"))));

        assertEquals(
                List.of("SlaCheckFunction holds DynamoDBCrudPolicy: write its actions as a Statement"),
                excessAndMissing(root));
    }

    @Test
    void aWildcardActionFailsTheCheck() {
        Map<String, Object> root = deepCopy(TEMPLATE.root());
        policies(root, "MonthEndFunction")
                .add(Map.of(
                        "Statement",
                        List.of(Map.of(
                                "Effect",
                                "Allow",
                                "Action",
                                List.of("s3:*"),
                                "Resource",
                                Map.of("Fn::Sub", "${ReportsBucket.Arn}/*")))));

        assertEquals(
                List.of("MonthEndFunction is granted s3:* on ReportsBucket/*, which its code does not call"),
                excessAndMissing(root));
    }

    @Test
    void aGrantTheCodeNeedsButTheTemplateLacksFailsTheCheck() {
        Map<String, Object> root = deepCopy(TEMPLATE.root());
        List<Object> policies = policies(root, "EscalationFunction");
        Map<String, Object> statement = Template.map(
                Template.list(Template.map(policies.get(0)).get("Statement")).get(0));
        statement.put("Action", List.of("dynamodb:GetItem"));

        assertEquals(
                List.of("EscalationFunction lacks dynamodb:UpdateItem on OutboxTable, which its code calls"),
                excessAndMissing(root));
    }

    @Test
    void sdkCallsInTheCodeAreTheInventory() throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        for (String dir : List.of("functions", "shared/aws")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
                for (Path file : files.filter(f ->
                                f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                        .toList()) {
                    Matcher m = SDK_CALL.matcher(Files.readString(file));
                    while (m.find()) {
                        if (!m.group(2).equals("close")) {
                            found.computeIfAbsent(file.getFileName().toString(), k -> new TreeSet<>())
                                    .add(m.group(1) + "." + m.group(2));
                        }
                    }
                }
            }
        }

        assertEquals(List.of(), inventoryDifferences(found));
    }

    @Test
    void aNewSdkCallInARepositoryFailsTheInventory() {
        Map<String, Set<String>> found = new TreeMap<>(SDK_CALLS);
        Set<String> outbox = new TreeSet<>(found.get("OutboxRepository.java"));
        outbox.add("dynamo.deleteItem");
        found.put("OutboxRepository.java", outbox);

        assertEquals(
                List.of("OutboxRepository.java calls dynamo.deleteItem: add it to SDK_CALLS, then to ALLOWED of every"
                        + " function that reaches it, then to template.yaml"),
                inventoryDifferences(found));
    }

    /** Calls the code makes that {@link #SDK_CALLS} lacks, and listed calls the code no longer makes. */
    static List<String> inventoryDifferences(Map<String, Set<String>> found) {
        List<String> problems = new ArrayList<>();
        found.forEach((file, calls) -> calls.stream()
                .filter(call -> !SDK_CALLS.getOrDefault(file, Set.of()).contains(call))
                .sorted()
                .forEach(call -> problems.add(file + " calls " + call + ": add it to SDK_CALLS, then to ALLOWED of"
                        + " every function that reaches it, then to template.yaml")));
        new TreeMap<>(SDK_CALLS)
                .forEach((file, calls) -> calls.stream()
                        .filter(call -> !found.getOrDefault(file, Set.of()).contains(call))
                        .sorted()
                        .forEach(call -> problems.add(file + " no longer calls " + call
                                + ": remove it from SDK_CALLS, and the grant if no other call needs it")));
        return problems;
    }

    /** Grants beyond {@link #ALLOWED} and allowed actions not granted, one line each. */
    static List<String> excessAndMissing(Map<String, Object> root) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> resources = Template.map(root.get("Resources"));
        resources.forEach((id, value) -> {
            Map<String, Object> resource = Template.map(value);
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                return;
            }
            Set<String> granted = new TreeSet<>();
            for (Object policy :
                    Template.list(Template.map(resource.get("Properties")).get("Policies"))) {
                if (!(policy instanceof Map<?, ?> p) || !p.keySet().equals(Set.of("Statement"))) {
                    String name = policy instanceof Map<?, ?> p ? String.join(", ", keys(p)) : String.valueOf(policy);
                    problems.add(id + " holds " + name + ": write its actions as a Statement");
                    continue;
                }
                for (Object s : Template.list(p.get("Statement"))) {
                    Map<String, Object> statement = Template.map(s);
                    if (!"Allow".equals(statement.get("Effect"))) {
                        continue;
                    }
                    for (String target : strings(statement.get("Resource"))) {
                        for (String action : strings(statement.get("Action"))) {
                            granted.add(target + " " + action);
                        }
                    }
                }
            }
            Set<String> allowed = allowed(id);
            for (String grant : granted) {
                if (!allowed.contains(grant)) {
                    String[] parts = grant.split(" ");
                    problems.add(id + " is granted " + parts[1] + " on " + parts[0] + ", which its code does not call");
                }
            }
            for (String grant : allowed) {
                if (!granted.contains(grant)) {
                    String[] parts = grant.split(" ");
                    problems.add(id + " lacks " + parts[1] + " on " + parts[0] + ", which its code calls");
                }
            }
        });
        return problems;
    }

    /** "TicketsTable dynamodb:GetItem", ... for one function. */
    static Set<String> allowed(String function) {
        Set<String> grants = new TreeSet<>();
        for (String line : ALLOWED.getOrDefault(function, List.of())) {
            String[] parts = line.split(":", 2);
            for (String target : parts[0].split(",")) {
                for (String action : parts[1].trim().split("\\s+")) {
                    grants.add(target.trim() + " " + action);
                }
            }
        }
        return grants;
    }

    /** Actions or resources, each resource as its logical id (with /index/* or /* when so written). */
    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        for (Object item : value instanceof List<?> list ? list : List.of(value)) {
            if (item instanceof String text) {
                out.add(text);
            } else {
                Map<String, Object> intrinsic = Template.map(item);
                if (intrinsic.containsKey("Ref")) {
                    out.add((String) intrinsic.get("Ref"));
                } else if (intrinsic.containsKey("Fn::GetAtt")) {
                    out.add((String) Template.list(intrinsic.get("Fn::GetAtt")).get(0));
                } else if (intrinsic.containsKey("Fn::Sub")) {
                    // an SES identity or configuration set ARN: its resource's logical id
                    out.add(String.valueOf(intrinsic.get("Fn::Sub"))
                            .replaceAll(
                                    "^arn:\\$\\{AWS::Partition}:ses:\\$\\{AWS::Region}:\\$\\{AWS::AccountId}:"
                                            + "(identity|configuration-set)/\\$\\{([A-Za-z0-9]+)}$",
                                    "$2")
                            .replaceAll("\\$\\{([A-Za-z0-9]+)\\.Arn}", "$1"));
                } else {
                    out.add(DatabindJson.MAPPER.valueToTree(item).toString());
                }
            }
        }
        return out;
    }

    private static List<String> keys(Map<?, ?> map) {
        return map.keySet().stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Object> policies(Map<String, Object> root, String function) {
        Map<String, Object> props = Template.map(
                Template.map(Template.map(root.get("Resources")).get(function)).get("Properties"));
        return (List<Object>) props.get("Policies");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> root) {
        Map<String, Object> copy = DatabindJson.MAPPER.convertValue(root, LinkedHashMap.class);
        return copy;
    }
}
