package nl.vioms.sladesk.app.directory;

/**
 * A directory entry with the version it was read at: an edit is written only while the stored
 * version is still this one (optimistic locking: of two admins editing at once, the second is
 * refused and sees the first one's values).
 *
 * @param version 0 for an entry never edited since it was seeded
 */
public record Versioned<T>(T value, long version) {}
