package nl.vioms.sladesk.app.mail;

import nl.vioms.sladesk.core.policy.Priority;

/**
 * R10's definition of each priority in the words our mail uses, for the pages that explain a
 * priority to a reseller (the portal's form, issue 18): one text, in mail and on screen.
 */
public final class PriorityMeanings {
    private PriorityMeanings() {}

    /** {@code language}: {@code nl} or {@code en}. */
    public static String of(Priority priority, String language) {
        return Words.of(language).priorityMeaning(priority);
    }
}
