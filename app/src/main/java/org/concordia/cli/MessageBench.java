package org.concordia.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.concordia.node.NodeServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./concordia bench messages}: messages per second delivered between two nodes on this machine
 * (INTERPOL to EUROPOL, each with its embedded store, in this JVM), with everything a real message
 * costs: the user API call, HPKE sealing to the recipient and to the sender's own copy, the sender's
 * envelope signature, the outbox commit, delivery in signed batches over mutual TLS, the recipient's
 * checks (signature, opening), its synchronous inbox commit, and the audit entries on both sides.
 * {@code --clients} officers send as fast as they can (closed loop); the figures are the delivery rate
 * (messages stored in the recipient's inbox per second, from the first send to the last commit) and
 * the end-to-end latency from the sender's acceptance to the recipient's commit. A warm-up round first.
 */
@Command(
        name = "messages",
        mixinStandardHelpOptions = true,
        description = "Messages/s delivered between two nodes with signatures and encryption; latency percentiles.")
final class MessageBench implements java.util.concurrent.Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--messages", defaultValue = "20000", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int messages;

    @Option(names = "--warmup", defaultValue = "5000", paramLabel = "W", description = "Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--clients", defaultValue = "16", paramLabel = "C", description = "Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(
            names = "--body-bytes",
            defaultValue = "1000",
            paramLabel = "B",
            description = "Length of each message's body. Default: ${DEFAULT-VALUE}.")
    int bodyBytes;

    @Option(
            names = "--via",
            defaultValue = "node",
            paramLabel = "node|api",
            description = "How the officers send: 'node' calls the sending node in this JVM (the channel's own"
                    + " cost: sealing, signing, outbox, delivery, inbox, audit), 'api' through its HTTP user API"
                    + " (adds a request with sign-in per message). Default: ${DEFAULT-VALUE}.")
    String via;

    @Option(names = "--port-base", defaultValue = "8380", paramLabel = "P", description = "Default: ${DEFAULT-VALUE}.")
    int portBase;

    @Option(names = "--dir", paramLabel = "DIR", description = "Working directory (default: a temporary one).")
    Path dir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = dir != null ? dir : Files.createTempDirectory("concordia-bench-messages");
        List<String> codes = List.of("INTERPOL", "EUROPOL");
        try (LocalFederation federation = LocalFederation.create(work, codes, portBase)) {
            Runtime.getRuntime().addShutdownHook(new Thread(federation::close));
            federation.start();
            NodeServer sender = federation.nodes().get(0);
            NodeServer recipient = federation.nodes().get(1);
            LocalFederation.Account officer =
                    federation.accounts().get("INTERPOL").get(0);
            String body = "x".repeat(Math.max(0, bodyBytes));
            ServerProcesses servers = ServerProcesses.under(work);
            out.printf(
                    "2 nodes (INTERPOL -> EUROPOL), %d clients sending via %s, %d-character bodies; warm-up %d"
                            + " messages%n",
                    clients, via, body.length(), warmup);
            out.flush();
            run(sender, officer, body, warmup, recipient, 0);
            long jvm0 = processCpuNanos();
            long pg0 = servers.cpuMillis();
            java.time.Instant since = java.time.Instant.now();
            long t0 = System.nanoTime();
            long[] sendNanos = run(sender, officer, body, messages, recipient, warmup);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long jvm = processCpuNanos() - jvm0;
            long pg = servers.cpuMillis() - pg0;
            long[] measured = recipient.receivedMessageLatenciesMicros(since);
            Arrays.sort(measured);
            Arrays.sort(sendNanos);
            int cores = Runtime.getRuntime().availableProcessors();
            out.printf(
                    "delivered: %d messages in %.1f s = %.0f messages/s (target >= 500) %s%n",
                    messages, seconds, messages / seconds, messages / seconds >= 500 ? "\u2714" : "\u2718");
            out.printf(
                    "end to end (sender accepted -> recipient committed), all %d received: p50 %.1f ms, p95 %.1f"
                            + " ms, p99 %.1f ms, max %.1f ms%n",
                    measured.length,
                    pct(measured, 50) / 1e3,
                    pct(measured, 95) / 1e3,
                    pct(measured, 99) / 1e3,
                    measured.length == 0 ? 0 : measured[measured.length - 1] / 1e3);
            out.printf(
                    "send call (until queued): p50 %.1f ms, p99 %.1f ms%n",
                    pct(sendNanos, 50) / 1e6, pct(sendNanos, 99) / 1e6);
            out.printf(
                    "CPU per message: JVM %.2f ms, PostgreSQL %.2f ms (both nodes; %.0f %% of %d cores)%n",
                    jvm / 1e6 / messages,
                    pg < 0 ? Double.NaN : (double) pg / messages,
                    100.0 * (jvm / 1e9 + Math.max(0, pg) / 1e3) / seconds / cores,
                    cores);
            out.flush();
            return ConcordiaCli.OK;
        }
    }

    /** Sends {@code n} messages with the clients; returns when the recipient holds {@code before + n}. */
    private long[] run(
            NodeServer sender, LocalFederation.Account officer, String body, int n, NodeServer recipient, int before)
            throws Exception {
        String url = sender.url();
        boolean api = via.equals("api");
        String auth = "Basic "
                + Base64.getEncoder()
                        .encodeToString((officer.user() + ":" + officer.password()).getBytes(StandardCharsets.UTF_8));
        byte[] request =
                JSON.writeValueAsBytes(java.util.Map.of("to", "EUROPOL", "subject", "Benchmark message", "body", body));
        AtomicInteger next = new AtomicInteger();
        long[] sendNanos = new long[n];
        AtomicLong failures = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure =
                new java.util.concurrent.atomic.AtomicReference<>();
        try (HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .executor(Executors.newFixedThreadPool(4))
                        .build();
                ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < n; ) {
                        long t = System.nanoTime();
                        if (!api) {
                            sender.sendMessage(officer.user(), "EUROPOL", "Benchmark message", body);
                            sendNanos[i] = System.nanoTime() - t;
                            continue;
                        }
                        HttpResponse<String> r = http.send(
                                HttpRequest.newBuilder(URI.create(url + "/api/v1/messages"))
                                        .header("Authorization", auth)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        sendNanos[i] = System.nanoTime() - t;
                        if (r.statusCode() != 201 && failures.getAndIncrement() == 0) {
                            firstFailure.set("HTTP " + r.statusCode() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " sends were refused, the first: " + firstFailure.get());
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (recipient.receivedMessages() < before + n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every message arrived within 10 minutes");
            }
            Thread.sleep(200);
        }
        return sendNanos;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
