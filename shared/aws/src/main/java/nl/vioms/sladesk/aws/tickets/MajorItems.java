package nl.vioms.sladesk.aws.tickets;

import static nl.vioms.sladesk.aws.Attr.instant;
import static nl.vioms.sladesk.aws.Attr.s;
import static nl.vioms.sladesk.aws.Attr.string;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.app.tickets.TicketStore.ClosedMajor;
import nl.vioms.sladesk.app.tickets.TicketStore.MajorBoard;
import nl.vioms.sladesk.app.tickets.TicketStore.MajorWrites;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.ticket.MajorIncident;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The major incidents' own items of the tickets table (issue 19, docs/data-model.md): the board
 * ({@code MAJOR}/{@code BOARD}), one item that intake reads with one GetItem for every new report,
 * holding each open major incident as an attribute {@code OPEN#<number>} and each recently resolved
 * one as {@code DONE#<number>} (top-level attributes, so SET and REMOVE need no map to exist first);
 * and one link item per child, {@code CHILDREN#<parent>}/{@code <child>}, which a Query lists and counts.
 */
final class MajorItems {
    static final String BOARD_PK = "MAJOR";
    static final String BOARD_SK = "BOARD";
    private static final String OPEN = "OPEN#";
    private static final String DONE = "DONE#";

    private MajorItems() {}

    static String childrenKey(String parent) {
        return "CHILDREN#" + parent;
    }

    static Map<String, AttributeValue> boardKey() {
        return Map.of("pk", s(BOARD_PK), "sk", s(BOARD_SK));
    }

    /** The writes of a change's major-incident items, to commit with the ticket's snapshot. */
    static List<TransactWriteItem> writes(String table, String number, MajorWrites major, String at) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        if (major.opened() != null) {
            names.put("#open", OPEN + major.opened().number());
            values.put(":open", AttributeValue.fromM(incident(major.opened(), null)));
            set.add("#open = :open");
        }
        if (major.closed() != null) {
            MajorIncident incident = major.closed().incident();
            names.put("#wasOpen", OPEN + incident.number());
            names.put("#done", DONE + incident.number());
            values.put(":done", AttributeValue.fromM(incident(incident, major.closed())));
            set.add("#done = :done");
            remove.add("#wasOpen");
        }
        for (int i = 0; i < major.pruned().size(); i++) {
            names.put("#old" + i, DONE + major.pruned().get(i));
            remove.add("#old" + i);
        }
        if (!set.isEmpty() || !remove.isEmpty()) {
            String expression = (set.isEmpty() ? "" : "SET " + String.join(", ", set))
                    + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
            writes.add(TransactWriteItem.builder()
                    .update(Update.builder()
                            .tableName(table)
                            .key(boardKey())
                            .updateExpression(expression.strip())
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values.isEmpty() ? null : values)
                            .build())
                    .build());
        }
        if (major.linkedTo() != null) {
            Map<String, AttributeValue> link = new HashMap<>();
            link.put("pk", s(childrenKey(major.linkedTo())));
            link.put("sk", s(number));
            link.put("child", s(number));
            link.put("linkedAt", s(at));
            writes.add(TransactWriteItem.builder()
                    .put(Put.builder().tableName(table).item(link).build())
                    .build());
        }
        if (major.unlinkedFrom() != null) {
            writes.add(TransactWriteItem.builder()
                    .delete(Delete.builder()
                            .tableName(table)
                            .key(Map.of("pk", s(childrenKey(major.unlinkedFrom())), "sk", s(number)))
                            .build())
                    .build());
        }
        return writes;
    }

    private static Map<String, AttributeValue> incident(MajorIncident incident, ClosedMajor closed) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("number", s(incident.number()));
        m.put("service", s(incident.service()));
        m.put("serviceName", s(incident.serviceName()));
        m.put(
                "carries",
                AttributeValue.fromL(incident.carries().stream()
                        .sorted()
                        .map(k -> s(k.wireName()))
                        .toList()));
        m.put("since", s(incident.since().toString()));
        m.put("openedAt", s(incident.openedAt().toString()));
        if (closed != null) {
            m.put("resolvedAt", s(closed.resolvedAt().toString()));
        }
        return m;
    }

    static MajorBoard board(Map<String, AttributeValue> item) {
        List<MajorIncident> open = new ArrayList<>();
        List<ClosedMajor> done = new ArrayList<>();
        item.forEach((name, value) -> {
            if (name.startsWith(OPEN)) {
                open.add(toIncident(value.m()));
            } else if (name.startsWith(DONE)) {
                done.add(new ClosedMajor(toIncident(value.m()), instant(value.m(), "resolvedAt")));
            }
        });
        open.sort(Comparator.comparing((MajorIncident m) -> m.openedAt()).thenComparing(MajorIncident::number));
        done.sort(Comparator.comparing(ClosedMajor::resolvedAt).reversed());
        return new MajorBoard(open, done);
    }

    private static MajorIncident toIncident(Map<String, AttributeValue> m) {
        Set<ServiceKind> carries = EnumSet.noneOf(ServiceKind.class);
        if (m.containsKey("carries")) {
            m.get("carries").l().forEach(k -> carries.add(ServiceKind.fromWireName(k.s())));
        }
        return new MajorIncident(
                string(m, "number"),
                string(m, "service"),
                string(m, "serviceName"),
                carries,
                instant(m, "since"),
                instant(m, "openedAt"));
    }
}
