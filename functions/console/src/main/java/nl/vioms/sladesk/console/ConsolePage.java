package nl.vioms.sladesk.console;

/** One route of the console, called with a verified session whose roles the route allows. */
@FunctionalInterface
public interface ConsolePage {
    WebResponse handle(WebRequest request, Session session, PathParameters parameters);
}
