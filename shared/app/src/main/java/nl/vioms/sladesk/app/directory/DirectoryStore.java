package nl.vioms.sladesk.app.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;

/**
 * The directory's reads (the port): resellers' customers, their addresses, numbers and tokens.
 * Implementations: the DynamoDB adapter ({@code DirectoryRepository} in shared/aws, which also
 * writes the seed) and {@code InMemoryDirectoryStore} in this module's test-jar.
 */
public interface DirectoryStore {
    Optional<Customer> customer(String id);

    Optional<Reseller> reseller(String id);

    /** The reseller whose contact this exact address is (its service desk answers our mail). */
    Optional<Reseller> resellerByEmail(String address);

    /** Every customer, ordered by id. */
    List<Customer> customers();

    /** The customer of a sender: the exact address first, else its domain (R8). */
    Optional<Customer> customerByEmail(String address);

    /** The customer of a caller, by E.164 number. */
    Optional<Customer> customerByPhone(String e164);

    /** A token by the hash of its secret. */
    Optional<ApiToken> tokenByHash(String hash);

    /**
     * Records that the token authenticated a request at {@code at}; a caller writes this only when
     * {@link ApiToken#useDueAt} says so, and an implementation may drop a write that lost a race.
     */
    void markUsed(String hash, Instant at);
}
