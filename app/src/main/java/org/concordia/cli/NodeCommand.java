package org.concordia.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.concordia.model.ParticipantCode;
import org.concordia.node.NodeServer;
import org.concordia.node.NodeSettings;
import org.concordia.node.Roles;
import org.concordia.store.NodeStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./concordia node --config FILE}: runs one production node from a properties file. Every
 * setting is checked before anything starts; each problem names the setting and what would happen with
 * it (exit 2). Keys:
 *
 * <pre>
 * concordia.node.participant=EUROPOL
 * concordia.node.data=/var/lib/concordia                      # embedded PostgreSQL, or:
 * concordia.node.jdbc-url=jdbc:postgresql://db/concordia      # with db-user, db-password-env
 * concordia.node.bind-address=127.0.0.1                       # user API address (default loopback)
 * concordia.node.user-port=8080
 * concordia.node.federation.port=8443                         # mutual TLS; leave the federation keys out to run alone
 * concordia.node.federation.key-store=/etc/concordia/EUROPOL.p12
 * concordia.node.federation.key-store-password-env=CONCORDIA_KEY_STORE_PASSWORD
 * concordia.node.federation.authority-certificate=/etc/concordia/ca.pem
 * concordia.node.federation.directory=/etc/concordia/directory.json
 * concordia.node.federation.cache-dir=/var/lib/concordia/directory-cache
 * concordia.node.search.deadline=PT2S
 * concordia.node.search.possible=0.5
 * concordia.node.search.top=10
 * concordia.node.jwt.issuer=https://idp.example/realms/police  # optional: OpenID Connect bearer tokens
 * concordia.node.jwt.jwk-set-uri=... | concordia.node.jwt.key-file=/etc/concordia/idp.pem
 * concordia.node.jwt.audience=concordia
 * concordia.node.jwt.roles-claim=roles
 * concordia.node.messages.deliver-within=PT24H                # then an undelivered message is reported undeliverable
 * concordia.node.messages.retry-at-most=PT10M                 # longest wait between delivery attempts
 * concordia.node.follow-up.urgent=PT8H                        # deadlines of follow-up requests (EU 2023/977)
 * concordia.node.follow-up.standard=P3D
 * concordia.node.follow-up.escalate-to=dpo                    # the role overdue requests are escalated to
 * </pre>
 */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one node from a properties file (see docs/architecture.md, 'Running a node'); --check only",
            "validates the file. Exit 2 when the configuration is wrong, with what each problem would cause."
        })
final class NodeCommand implements Callable<Integer> {
    static final String PREFIX = "concordia.node.";

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The node's properties file.")
    Path config;

    @Option(names = "--check", description = "Validate the configuration and exit.")
    boolean check;

    @Option(
            names = "--admin-password-env",
            paramLabel = "VAR",
            description = "Create or reset the local account 'admin' with the password in this environment variable.")
    String adminPasswordEnv;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            err.println("error unreadable_input: cannot read the configuration " + config);
            return ConcordiaCli.USAGE;
        }
        List<String> problems = new ArrayList<>();
        NodeSettings settings = read(p, problems);
        if (settings != null) {
            problems.addAll(settings.problems());
        }
        if (!problems.isEmpty()) {
            for (String problem : problems) {
                err.println("error invalid_configuration: " + problem);
            }
            return ConcordiaCli.USAGE;
        }
        if (check) {
            out.println("configuration valid: node " + settings.participant()
                    + (settings.federation() == null ? " (alone, no federation)" : " in a federation"));
            return ConcordiaCli.OK;
        }
        NodeServer node = NodeServer.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        if (adminPasswordEnv != null) {
            String password = System.getenv(adminPasswordEnv);
            if (password == null || password.length() < 12) {
                err.println("error invalid_configuration: " + adminPasswordEnv
                        + " is unset or shorter than 12 characters: no administrator account was made");
            } else {
                node.putAccount("admin", password, Roles.ADMIN);
            }
        }
        out.printf("node %s serving %s%n", settings.participant(), node.url());
        out.flush();
        new CountDownLatch(1).await();
        return ConcordiaCli.OK;
    }

    /** The settings the file gives, or null when a value could not even be read; problems are added. */
    static NodeSettings read(Properties p, List<String> problems) {
        ParticipantCode participant = null;
        String code = get(p, "participant");
        if (code != null) {
            participant = ParticipantCode.parse(code);
            if (participant == null) {
                problems.add(PREFIX + "participant is not a participant code (2-32 of A-Z 0-9 _ -): partners could"
                        + " not address this node");
            }
        }
        NodeStorage.Location storage = null;
        String data = get(p, "data");
        String jdbc = get(p, "jdbc-url");
        if (data != null && jdbc != null) {
            problems.add(PREFIX + "data and " + PREFIX + "jdbc-url are both set: the node would not know which"
                    + " store holds its records; keep one");
        } else if (data != null) {
            storage = new NodeStorage.Location.Embedded(Path.of(data));
        } else if (jdbc != null) {
            String env = get(p, "db-password-env");
            storage =
                    new NodeStorage.Location.External(jdbc, get(p, "db-user"), env == null ? null : System.getenv(env));
        }
        int userPort = integer(p, "user-port", 8080, problems);
        NodeSettings.Federation federation = null;
        if (get(p, "federation.port") != null || get(p, "federation.key-store") != null) {
            String env = get(p, "federation.key-store-password-env");
            String password = env == null ? null : System.getenv(env);
            if (password == null) {
                problems.add(PREFIX + "federation.key-store-password-env does not name a set environment variable:"
                        + " the node could not open its key store to prove its identity to partners");
            }
            federation = new NodeSettings.Federation(
                    integer(p, "federation.port", 8443, problems),
                    path(p, "federation.key-store"),
                    password == null ? new char[0] : password.toCharArray(),
                    path(p, "federation.authority-certificate"),
                    path(p, "federation.directory"),
                    path(p, "federation.cache-dir"));
        }
        Duration deadline = Duration.ofSeconds(2);
        String d = get(p, "search.deadline");
        if (d != null) {
            try {
                deadline = Duration.parse(d);
            } catch (DateTimeParseException e) {
                problems.add(PREFIX + "search.deadline is not an ISO 8601 duration such as PT2S: federated searches"
                        + " would have no bound on how long they wait for partners");
            }
        }
        double possible = 0.5;
        String pos = get(p, "search.possible");
        if (pos != null) {
            try {
                possible = Double.parseDouble(pos);
            } catch (NumberFormatException e) {
                problems.add(PREFIX + "search.possible is not a number between 0 and 1: the node could not tell a"
                        + " hit from a miss");
            }
        }
        int top = integer(p, "search.top", 10, problems);
        String bind = get(p, "bind-address");
        NodeSettings.Jwt jwt = null;
        if (get(p, "jwt.issuer") != null || get(p, "jwt.jwk-set-uri") != null || get(p, "jwt.key-file") != null) {
            try {
                jwt = new NodeSettings.Jwt(
                        get(p, "jwt.issuer") == null ? null : java.net.URI.create(get(p, "jwt.issuer")),
                        get(p, "jwt.jwk-set-uri") == null ? null : java.net.URI.create(get(p, "jwt.jwk-set-uri")),
                        path(p, "jwt.key-file"),
                        get(p, "jwt.audience"),
                        get(p, "jwt.roles-claim"));
            } catch (IllegalArgumentException e) {
                problems.add(PREFIX + "jwt.issuer or " + PREFIX + "jwt.jwk-set-uri is not a URI: bearer tokens could"
                        + " not be checked, so none would be accepted");
            }
        }
        NodeSettings.Channel defaults = NodeSettings.Channel.DEFAULT;
        Roles escalateTo = defaults.escalationRole();
        if (get(p, "follow-up.escalate-to") != null) {
            escalateTo = Roles.parse(get(p, "follow-up.escalate-to")).orElse(null);
            if (escalateTo == null) {
                problems.add(PREFIX + "follow-up.escalate-to is not a role (officer, analyst, dpo, admin): overdue"
                        + " follow-up requests would be escalated to nobody");
                escalateTo = defaults.escalationRole();
            }
        }
        NodeSettings.Channel channel = new NodeSettings.Channel(
                duration(p, "messages.deliver-within", defaults.deliverWithin(), problems),
                duration(p, "follow-up.urgent", defaults.urgentDeadline(), problems),
                duration(p, "follow-up.standard", defaults.standardDeadline(), problems),
                escalateTo,
                duration(p, "messages.retry-at-most", defaults.retryAtMost(), problems));
        return new NodeSettings(
                participant,
                storage,
                bind == null ? "127.0.0.1" : bind,
                userPort,
                federation,
                deadline,
                possible,
                top,
                jwt,
                channel);
    }

    private static Duration duration(Properties p, String key, Duration fallback, List<String> problems) {
        String v = get(p, key);
        if (v == null) {
            return fallback;
        }
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(PREFIX + key + " is not an ISO 8601 duration such as PT8H or P3D: the node could not time"
                    + " deliveries and follow-up requests");
            return fallback;
        }
    }

    private static String get(Properties p, String key) {
        String v = p.getProperty(PREFIX + key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Path path(Properties p, String key) {
        String v = get(p, key);
        return v == null ? null : Path.of(v);
    }

    private static int integer(Properties p, String key, int fallback, List<String> problems) {
        String v = get(p, key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            problems.add(PREFIX + key + " is not a whole number: the node could not use it");
            return fallback;
        }
    }
}
