package org.concordia.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.concordia.model.ParticipantCode;
import org.concordia.pki.FederationAuthority;
import org.concordia.pki.NodeCredentials;
import org.concordia.pki.SignedDirectory;
import org.concordia.store.EmbeddedPostgresServer;
import org.concordia.store.NodeTables;
import org.concordia.store.PostgresRecordStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * {@code kill -9} of a node in the middle of a delivery: each node is its own process ({@code ./concordia
 * node}) over its own database of one PostgreSQL server that this test owns (the process dies, its store
 * does not, as with a production node and its database server). The sender's officer sends messages
 * through the user API; every message the API acknowledged must reach the recipient's inbox exactly once.
 */
@Tag("federation")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelCrashTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGES = 1_500;
    private static final String OFFICER_PASSWORD = "officer-password-1";

    @TempDir
    static Path tmp;

    EmbeddedPostgresServer postgres;
    TestFederation federation;
    final Map<String, Process> processes = new LinkedHashMap<>();
    final Map<String, Integer> userPorts = new ConcurrentHashMap<>();
    int round;

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgresServer.start(tmp.resolve("postgres"));
        federation = new TestFederation(tmp.resolve("pki"), List.of("INTERPOL", "EUROPOL"));
    }

    @AfterEach
    void killAll() {
        processes.values().forEach(Process::destroyForcibly);
        for (Process p : processes.values()) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    @AfterAll
    void stop() {
        postgres.close();
    }

    /** A fresh database per node and test, migrated, with an officer account. */
    private String database(String code) throws Exception {
        String name = (code + "_" + round).toLowerCase(java.util.Locale.ROOT);
        try (Connection c = postgres.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String url = postgres.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser("postgres");
        PostgresRecordStore.open(ds).close(); // migrates
        new NodeTables(ds, new ParticipantCode(code))
                .putAccount(new NodeTables.Account(
                        "officer",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(OFFICER_PASSWORD),
                        "officer"));
        return url;
    }

    private final Map<String, String> urls = new LinkedHashMap<>();

    private void startNode(String code) throws Exception {
        int userPort = userPorts.computeIfAbsent(code, c -> freePort());
        ParticipantCode p = new ParticipantCode(code);
        Path config = tmp.resolve(code + "-" + round + ".properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "concordia.node.participant=" + code,
                        "concordia.node.jdbc-url=" + urls.get(code),
                        "concordia.node.db-user=postgres",
                        "concordia.node.user-port=" + userPort,
                        "concordia.node.federation.port=" + federation.federationPorts.get(p),
                        "concordia.node.federation.key-store=" + NodeCredentials.keystoreFile(federation.dir, p),
                        "concordia.node.federation.key-store-password-env=CONCORDIA_TEST_KEY_STORE_PASSWORD",
                        "concordia.node.federation.authority-certificate="
                                + federation.dir.resolve(FederationAuthority.CERTIFICATE_FILE),
                        "concordia.node.federation.directory=" + federation.dir.resolve(SignedDirectory.FILE),
                        "concordia.node.federation.cache-dir=" + tmp.resolve(code + "-cache"),
                        "concordia.node.messages.retry-at-most=PT1S",
                        ""));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder b = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.concordia.cli.ConcordiaCli",
                        "node",
                        "--config",
                        config.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve(code + "-" + round + "-" + System.nanoTime() + ".log")
                        .toFile());
        b.environment().put("CONCORDIA_TEST_KEY_STORE_PASSWORD", new String(TestFederation.PASSWORD));
        processes.put(code, b.start());
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (get(code, "/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!processes.get(code).isAlive()) {
                throw new AssertionError(code + " exited at start");
            }
            Thread.sleep(200);
        }
        throw new AssertionError(code + " did not start in 90 s");
    }

    private static int freePort() {
        try {
            return TestFederation.freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void kill9(String code) throws InterruptedException {
        Process p = processes.remove(code);
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no orderly close
        p.waitFor();
    }

    private HttpResponse<String> get(String code, String path) throws IOException, InterruptedException {
        try (HttpClient c = HttpClient.newHttpClient()) {
            return c.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + userPorts.get(code) + path))
                            .header("Authorization", auth())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String auth() {
        return "Basic "
                + Base64.getEncoder().encodeToString(("officer:" + OFFICER_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the messages through INTERPOL's API with 8 clients; the ids the API acknowledged. */
    private Set<String> sendAll() throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        String url = "http://127.0.0.1:" + userPorts.get("INTERPOL") + "/api/v1/messages";
        try (HttpClient c = HttpClient.newHttpClient();
                ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                fs.add(pool.submit(() -> {
                    for (int i = offset; i < MESSAGES; i += 8) {
                        HttpResponse<String> r = c.send(
                                HttpRequest.newBuilder(URI.create(url))
                                        .header("Authorization", auth())
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode()
                                                .put("to", "EUROPOL")
                                                .put("subject", "crash test " + i)
                                                .put("body", "message number " + i)
                                                .toString()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                        ids.add(JSON.readTree(r.body()).path("id").asText());
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        return ids;
    }

    private DataSource db(String code) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(urls.get(code));
        ds.setUser("postgres");
        return ds;
    }

    private List<String> inbox() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db("EUROPOL").getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM message WHERE direction = 'in'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private long count(String code, String sql) throws Exception {
        try (Connection c = db(code).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until the recipient holds some but not all of the messages, then kills {@code victim}. */
    private void killMidDelivery(String victim, int total) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end) {
            int n = inbox().size();
            if (n >= 50 && n < total) {
                kill9(victim);
                return;
            }
            assertThat(n).as("the kill came too late: everything was delivered").isLessThan(total);
            Thread.sleep(20);
        }
        throw new AssertionError("delivery never started");
    }

    private void assertEveryAcknowledgedMessageArrivesOnce(Set<String> sent) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < end && count("INTERPOL", "SELECT count(*) FROM outbox") > 0) {
            Thread.sleep(200);
        }
        assertThat(count("INTERPOL", "SELECT count(*) FROM outbox"))
                .as("the sender's outbox empties")
                .isZero();
        List<String> inbox = inbox();
        assertThat(new HashSet<>(inbox)).as("nothing lost").isEqualTo(sent);
        assertThat(inbox).as("nothing twice").hasSize(sent.size());
        assertThat(count("INTERPOL", "SELECT count(*) FROM message WHERE direction = 'out' AND status = 'delivered'"))
                .as("the sender knows each was delivered")
                .isEqualTo(sent.size());
        assertThat(count("INTERPOL", "SELECT count(*) FROM message WHERE direction = 'out'"))
                .as("and sent none twice")
                .isEqualTo(sent.size());
    }

    @Test
    void killingTheSenderMidDeliveryLosesNoMessageAndDuplicatesNone() throws Exception {
        round++;
        urls.put("INTERPOL", database("INTERPOL"));
        urls.put("EUROPOL", database("EUROPOL"));
        startNode("EUROPOL");
        startNode("INTERPOL");
        kill9("EUROPOL"); // queue everything first, so the kill lands in the middle of delivering it
        Set<String> sent = sendAll();
        assertThat(sent).hasSize(MESSAGES);
        startNode("EUROPOL");
        killMidDelivery("INTERPOL", MESSAGES);
        startNode("INTERPOL");
        assertEveryAcknowledgedMessageArrivesOnce(sent);
    }

    @Test
    void killingTheRecipientMidDeliveryLosesNoMessageAndDuplicatesNone() throws Exception {
        round++;
        urls.put("INTERPOL", database("INTERPOL"));
        urls.put("EUROPOL", database("EUROPOL"));
        startNode("EUROPOL");
        startNode("INTERPOL");
        kill9("EUROPOL");
        Set<String> sent = sendAll();
        startNode("EUROPOL");
        killMidDelivery("EUROPOL", MESSAGES);
        Thread.sleep(1_500); // the sender keeps trying a recipient that is gone
        startNode("EUROPOL");
        assertEveryAcknowledgedMessageArrivesOnce(sent);
    }
}
