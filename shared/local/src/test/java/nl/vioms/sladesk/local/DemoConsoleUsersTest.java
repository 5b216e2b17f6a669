package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/** The demo people made again on every start keep the people a reseller's portal admin invited (issue 18). */
@ExtendWith(AwsEmulators.class)
class DemoConsoleUsersTest {

    @Test
    void startingAgainKeepsThePeopleInvitedIntoAResellersGroup(LocalAws aws) {
        CognitoIdentityProviderClient cognito = aws.clients().cognito();
        String pool = aws.resources().require("ConsoleUserPool");
        DemoConsoleUsers.ensure(aws);
        String invited = "collega-" + UUID.randomUUID() + "@telnet.demo";
        cognito.adminCreateUser(b -> b.userPoolId(pool)
                .username(invited)
                .messageAction("SUPPRESS")
                .userAttributes(
                        AttributeType.builder().name("email").value(invited).build()));
        cognito.adminAddUserToGroup(b -> b.userPoolId(pool).username(invited).groupName("reseller-telnet"));

        DemoConsoleUsers.ensure(aws);

        List<String> members =
                cognito.listUsersInGroupPaginator(b -> b.userPoolId(pool).groupName("reseller-telnet")).users().stream()
                        .flatMap(u ->
                                u.attributes().stream().filter(a -> a.name().equals("email")))
                        .map(AttributeType::value)
                        .toList();
        assertTrue(members.contains(invited), members.toString());
        assertTrue(members.contains("portal@telnet.demo"), members.toString());
    }
}
