package nl.vioms.sladesk.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.aws.directory.ApiTokens;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.directory.TokenTable;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.TokenScope;
import nl.vioms.sladesk.core.error.ConflictException;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.error.NotFoundException;
import nl.vioms.sladesk.emulators.LocalAws;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sladesk token issue|list|rotate|revoke}: the API tokens of the directory, on the running
 * ./sladesk up or on .sladesk/data. A secret is printed once, at issue or rotation; only its
 * SHA-256 is stored. Tokens are named; the name is what list, rotate and revoke go by.
 */
@Command(
        header = "Issues, lists, rotates and revokes API tokens.",
        name = "token",
        mixinStandardHelpOptions = true,
        description = "API tokens: issue (prints the secret once), list (never a secret or hash), rotate (a "
                + "new secret; the old one works on for --overlap), revoke (ends every working token of "
                + "that name at once).",
        subcommands = {
            TokenCommand.Issue.class,
            TokenCommand.ListTokens.class,
            TokenCommand.Rotate.class,
            TokenCommand.Revoke.class
        })
final class TokenCommand implements Callable<Integer> {
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** One token as list prints it: never the secret, never the hash. */
    static Map<String, Object> line(ApiToken t, Instant now) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", t.name());
        line.put("scope", wire(t.scope()));
        line.put("reseller", t.resellerId());
        line.put("created", t.createdAt() == null ? null : CliArgs.format(t.createdAt()));
        line.put("expires", t.expiresAt() == null ? "never" : CliArgs.format(t.expiresAt()));
        line.put("lastUsed", t.lastUsedAt() == null ? null : CliArgs.format(t.lastUsedAt()));
        line.put("state", t.state(now).name().toLowerCase(Locale.ROOT));
        if (t.revokedAt() != null) {
            line.put("endsAt", CliArgs.format(t.revokedAt()));
        }
        return line;
    }

    static String wire(TokenScope scope) {
        return scope.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "90d", "12h", "30m", "0", or an instant (Amsterdam wall-clock or with an offset). */
    static Instant until(CliArgs args, String option, String text, Instant now) {
        return text.matches("\\d+[dhm]|0") ? now.plus(duration(args, option, text)) : args.instant(option, text);
    }

    static Duration duration(CliArgs args, String option, String text) {
        try {
            return text.equals("0") ? Duration.ZERO : Duration.parse((text.endsWith("d") ? "P" : "PT") + text);
        } catch (DateTimeParseException e) {
            throw args.bad(option, text, "is not a duration like 90d, 24h, 30m or 0");
        }
    }

    static TokenTable tokens(OperatorTarget target) {
        return new DirectoryRepository(target.clients().dynamo(), target.tableName("DirectoryTable")).tokens();
    }

    static TokenTable tokens(LocalAws aws) {
        return tokens(LocalTarget.of(aws));
    }

    /** The token logic the console's token page shares. */
    static ApiTokens apiTokens(OperatorTarget target) {
        return new ApiTokens(tokens(target));
    }

    /** Prints the new token with its secret, once. */
    static void printIssued(CommandSpec spec, ApiToken token, String secret, Instant now) {
        Map<String, Object> line = line(token, now);
        line.put("token", secret);
        spec.commandLine().getOut().println(Json.write(line));
        spec.commandLine().getErr().println("store the token now: it is not shown again (only its SHA-256 is kept)");
    }

    @Command(name = "issue", mixinStandardHelpOptions = true, description = "Issues a new token; prints it once.")
    static final class Issue implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, description = "A name that says who holds it, e.g. telnet-portal.")
        String name;

        @Option(names = "--scope", required = true, description = "reseller, operations, telephony or second-line.")
        String scope;

        @Option(names = "--reseller", paramLabel = "ID", description = "The reseller a reseller token acts for.")
        String reseller;

        @Option(
                names = "--expires",
                paramLabel = "WHEN",
                description = "A lifetime (90d, 12h) or a time (default: 90d).")
        String expires = "90d";

        @Override
        public Integer call() {
            CliArgs args = new CliArgs(spec.commandLine());
            Instant now = Clock.systemUTC().instant();
            TokenScope tokenScope;
            try {
                tokenScope = TokenScope.valueOf(scope.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw args.bad("--scope", scope, "must be reseller, operations, telephony or second-line");
            }
            if ((tokenScope == TokenScope.RESELLER) != (reseller != null)) {
                throw args.bad(
                        "--reseller", String.valueOf(reseller), "is required for, and only for, --scope reseller");
            }
            Instant expiresAt = until(args, "--expires", expires, now);
            if (!expiresAt.isAfter(now)) {
                throw args.bad("--expires", expires, "is not in the future");
            }
            ApiTokens.Issued issued;
            try (OperatorTarget target = Sladesk.target(spec)) {
                issued = apiTokens(target).issue(name, tokenScope, reseller, expiresAt, now);
            } catch (ConflictException e) {
                throw args.bad("--name", name, "has a working token already; rotate or revoke it");
            } catch (InvalidInputException e) {
                throw args.bad("--name", name, e.getMessage());
            }
            printIssued(spec, issued.token(), issued.secret(), now);
            return 0;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description =
                    "Lists the tokens (JSON lines): name, scope, reseller, created, expires, last used, " + "state.")
    static final class ListTokens implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Instant now = Clock.systemUTC().instant();
            try (OperatorTarget target = Sladesk.target(spec)) {
                tokens(target).list().forEach(t -> spec.commandLine().getOut().println(Json.write(line(t, now))));
            }
            return 0;
        }
    }

    @Command(
            name = "rotate",
            mixinStandardHelpOptions = true,
            description =
                    "A new secret for the named token (same scope and reseller); the old one works for --overlap.")
    static final class Rotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, description = "The token to rotate.")
        String name;

        @Option(
                names = "--overlap",
                paramLabel = "DURATION",
                description = "How long the old secret keeps working (24h; 0: it ends now).")
        String overlap = "24h";

        @Option(names = "--expires", paramLabel = "WHEN", description = "The new one's lifetime or end (90d).")
        String expires = "90d";

        @Override
        public Integer call() {
            CliArgs args = new CliArgs(spec.commandLine());
            Instant now = Clock.systemUTC().instant();
            Instant oldEnds = now.plus(duration(args, "--overlap", overlap));
            Instant expiresAt = until(args, "--expires", expires, now);
            ApiTokens.Issued fresh;
            try (OperatorTarget target = Sladesk.target(spec)) {
                fresh = apiTokens(target).rotate(name, oldEnds, expiresAt, now);
            } catch (NotFoundException e) {
                throw args.bad("--name", name, "has no working token; issue one");
            }
            printIssued(spec, fresh.token(), fresh.secret(), now);
            return 0;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Ends every working token of that name now (a rotated one in its overlap too).")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, description = "The token to revoke.")
        String name;

        @Override
        public Integer call() {
            CliArgs args = new CliArgs(spec.commandLine());
            Instant now = Clock.systemUTC().instant();
            try (OperatorTarget target = Sladesk.target(spec)) {
                int revoked = apiTokens(target).revoke(name, now);
                spec.commandLine().getOut().println("revoked " + revoked + " token(s) named " + name);
            } catch (NotFoundException e) {
                throw args.bad("--name", name, "has no working token");
            }
            return 0;
        }
    }
}
