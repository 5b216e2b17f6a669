package nl.vioms.sladesk.console;

import java.util.List;
import java.util.Set;

/**
 * What every page shows around its content (layout.jte): the site, its title, who is logged in,
 * the menu of the pages their roles may open with the current one marked, and the page's language.
 *
 * @param session null on the login page and on errors before login
 * @param current the menu entry's path this page belongs to ({@code /console/} for the queue)
 */
public record Chrome(Site site, String title, Session session, String current, Language lang) {

    /** A console page (Dutch). */
    public Chrome(String title, Session session, String current) {
        this(Site.CONSOLE, title, session, current, Language.NL);
    }

    /** One entry of the main menu. */
    public record NavItem(String label, String href, boolean current) {}

    private record Entry(Site site, String label, String english, String href, Set<Role> roles) {}

    private static final List<Entry> MENU = List.of(
            new Entry(
                    Site.CONSOLE,
                    "Wachtrij",
                    "Queue",
                    "/console/",
                    Set.of(Role.OPERATIONS, Role.TELEPHONY, Role.SECOND_LINE)),
            new Entry(Site.CONSOLE, "Monitoring", "Monitoring", "/console/monitoring", Set.of(Role.OPERATIONS)),
            new Entry(Site.CONSOLE, "Escalaties", "Escalations", "/console/escalations", Set.of(Role.OPERATIONS)),
            new Entry(
                    Site.CONSOLE,
                    "Maandafsluiting",
                    "Month end",
                    "/console/month-end",
                    Set.of(Role.OPERATIONS, Role.FINANCE, Role.ADMIN)),
            new Entry(Site.CONSOLE, "Beheer", "Admin", "/console/admin", Set.of(Role.ADMIN)),
            // the portal (issue 18)
            new Entry(Site.PORTAL, "Meldingen", "Tickets", "/portal/", Set.of(Role.RESELLER)),
            new Entry(Site.PORTAL, "Nieuwe melding", "New ticket", "/portal/tickets/new", Set.of(Role.RESELLER)),
            new Entry(Site.PORTAL, "Rapportages", "Reports", "/portal/reports", Set.of(Role.RESELLER)),
            new Entry(Site.PORTAL, "API-tokens", "API tokens", "/portal/tokens", Set.of(Role.PORTAL_ADMIN)),
            new Entry(Site.PORTAL, "Medewerkers", "Staff", "/portal/staff", Set.of(Role.PORTAL_ADMIN)));

    public List<NavItem> nav() {
        if (session == null) {
            return List.of();
        }
        return MENU.stream()
                .filter(entry -> entry.site().equals(site))
                .filter(entry -> entry.roles().stream().anyMatch(session.user().roles()::contains))
                .map(entry -> new NavItem(
                        lang.t(entry.label(), entry.english()),
                        entry.href(),
                        entry.href().equals(current)))
                .toList();
    }

    /** The text in the page's language. */
    public String t(String dutch, String english) {
        return lang.t(dutch, english);
    }

    /** A path of the page's site: {@code path("/logout")}. */
    public String path(String rest) {
        return site.path(rest);
    }
}
