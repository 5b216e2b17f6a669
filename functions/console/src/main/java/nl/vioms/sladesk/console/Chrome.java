package nl.vioms.sladesk.console;

import java.util.List;
import java.util.Set;

/**
 * What every page shows around its content (layout.jte): its title, who is logged in, the menu
 * of the pages their roles may open with the current one marked.
 *
 * @param session null on the login page and on errors before login
 * @param current the menu entry's path this page belongs to ({@code /console/} for the queue)
 */
public record Chrome(String title, Session session, String current) {

    /** One entry of the main menu. */
    public record NavItem(String label, String href, boolean current) {}

    private record Entry(String label, String href, Set<Role> roles) {}

    private static final List<Entry> MENU = List.of(
            new Entry("Wachtrij", "/console/", Set.of(Role.OPERATIONS, Role.TELEPHONY, Role.SECOND_LINE)),
            new Entry("Monitoring", "/console/monitoring", Set.of(Role.OPERATIONS)),
            new Entry("Escalaties", "/console/escalations", Set.of(Role.OPERATIONS)),
            new Entry("Maandafsluiting", "/console/month-end", Set.of(Role.OPERATIONS, Role.FINANCE, Role.ADMIN)),
            new Entry("Beheer", "/console/admin", Set.of(Role.ADMIN)));

    public List<NavItem> nav() {
        if (session == null) {
            return List.of();
        }
        return MENU.stream()
                .filter(entry -> entry.roles().stream().anyMatch(session.user().roles()::contains))
                .map(entry ->
                        new NavItem(entry.label(), entry.href(), entry.href().equals(current)))
                .toList();
    }
}
