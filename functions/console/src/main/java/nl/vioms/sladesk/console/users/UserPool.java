package nl.vioms.sladesk.console.users;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.vioms.sladesk.console.Language;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The one place the console's and the portal's pages call Cognito's admin API on the user pool:
 * people listed (all, or one group's), invited, put in a group, disabled and enabled. The pages
 * decide who may do what (issue 17: an admin; issue 18: a reseller's portal admin within the
 * reseller's own group); these calls are per pool, so those checks are the wall (decision 31).
 */
public final class UserPool {

    /** One person of the pool. {@code username} is Cognito's key of the account (with e-mail as username: its sub). */
    public record Person(String username, String email, boolean enabled, String status) {

        /** The account's state as a person reads it. */
        public String state(Language lang) {
            if (!enabled) {
                return lang.t("Uitgeschakeld", "Disabled");
            }
            switch (status) {
                case "CONFIRMED":
                    return lang.t("Actief", "Active");
                case "FORCE_CHANGE_PASSWORD":
                    return lang.t(
                            "Uitgenodigd, moet nog een wachtwoord kiezen", "Invited, has yet to choose a password");
                case "RESET_REQUIRED":
                    return lang.t("Moet een nieuw wachtwoord kiezen", "Has to choose a new password");
                default:
                    return lang.t("Nog niet bevestigd", "Not confirmed yet");
            }
        }
    }

    /** An invitation refused because the pool has an account with that address already. */
    public static final class AlreadyExists extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyExists(String email) {
            super("an account exists for " + email);
        }
    }

    /** An address an invitation may go to: one @, a dot in the domain, no spaces or control characters. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    /** At most 254 characters (RFC 5321). */
    private static final int EMAIL_MAX = 254;

    private final CognitoIdentityProviderClient cognito;
    private final String pool;

    public UserPool(CognitoIdentityProviderClient cognito, String pool) {
        this.cognito = cognito;
        this.pool = pool;
    }

    /** Whether a typed address (stripped, lower case) may be invited: checked before any call. */
    public static boolean invitable(String email) {
        return email.length() <= EMAIL_MAX && EMAIL.matcher(email).matches();
    }

    /** Everyone in the pool, by e-mail address. */
    public List<Person> everyone() {
        List<Person> people = new ArrayList<>();
        cognito.listUsersPaginator(b -> b.userPoolId(pool)).users().forEach(user -> people.add(person(user)));
        people.sort(Comparator.comparing(Person::email));
        return people;
    }

    /** The members of one group, by e-mail address; none when the group does not exist (yet). */
    public List<Person> members(String group) {
        List<Person> people = new ArrayList<>();
        try {
            cognito.listUsersInGroupPaginator(b -> b.userPoolId(pool).groupName(group))
                    .users()
                    .forEach(user -> people.add(person(user)));
        } catch (ResourceNotFoundException noGroup) {
            return List.of();
        }
        people.sort(Comparator.comparing(Person::email));
        return people;
    }

    /** The member of {@code group} with that username, if they are one. */
    public Optional<Person> member(String group, String username) {
        return members(group).stream()
                .filter(p -> p.username().equals(username))
                .findFirst();
    }

    /**
     * A new account for {@code email}: Cognito mails the temporary password (EMAIL). An address the
     * pool has already is refused ({@link AlreadyExists}), never taken over.
     */
    public void invite(String email) {
        try {
            cognito.adminCreateUser(b -> b.userPoolId(pool)
                    .username(email)
                    .desiredDeliveryMediumsWithStrings("EMAIL")
                    .userAttributes(
                            AttributeType.builder().name("email").value(email).build(),
                            AttributeType.builder()
                                    .name("email_verified")
                                    .value("true")
                                    .build()));
        } catch (UsernameExistsException e) {
            throw new AlreadyExists(email);
        }
    }

    /**
     * An account with a known, permanent password and no mail: the local demo's people and tests.
     * Made again harmlessly (an existing account gets the password again).
     */
    public void createWithPassword(String email, String password) {
        try {
            cognito.adminCreateUser(b -> b.userPoolId(pool)
                    .username(email)
                    .messageAction("SUPPRESS")
                    .userAttributes(
                            AttributeType.builder().name("email").value(email).build(),
                            AttributeType.builder()
                                    .name("email_verified")
                                    .value("true")
                                    .build()));
        } catch (UsernameExistsException e) {
            // made before: its password is set again below
        }
        cognito.adminSetUserPassword(
                b -> b.userPoolId(pool).username(email).password(password).permanent(true));
    }

    public void addToGroup(String username, String group) {
        cognito.adminAddUserToGroup(b -> b.userPoolId(pool).username(username).groupName(group));
    }

    public void removeFromGroup(String username, String group) {
        cognito.adminRemoveUserFromGroup(
                b -> b.userPoolId(pool).username(username).groupName(group));
    }

    /**
     * Makes the group unless it exists (a reseller's first portal admin, issue 18). Asked first:
     * cognito-local's CreateGroup replaces an existing group, and its members with it.
     */
    public void ensureGroup(String group, String description) {
        try {
            cognito.listUsersInGroup(b -> b.userPoolId(pool).groupName(group).limit(1));
            return;
        } catch (ResourceNotFoundException missing) {
            // made below
        }
        try {
            cognito.createGroup(b -> b.userPoolId(pool).groupName(group).description(description));
        } catch (GroupExistsException exists) {
            // made before: nothing to do
        }
    }

    public void disable(String username) {
        cognito.adminDisableUser(b -> b.userPoolId(pool).username(username));
    }

    public void enable(String username) {
        cognito.adminEnableUser(b -> b.userPoolId(pool).username(username));
    }

    private static Person person(UserType user) {
        String email = user.attributes().stream()
                .filter(attribute -> attribute.name().equals("email"))
                .map(AttributeType::value)
                .findFirst()
                .orElse(user.username());
        return new Person(
                user.username(), email, Boolean.TRUE.equals(user.enabled()), String.valueOf(user.userStatusAsString()));
    }
}
