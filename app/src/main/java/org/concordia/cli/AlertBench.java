package org.concordia.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.concordia.alert.Alert;
import org.concordia.alert.AlertIndex;
import org.concordia.alert.AlertType;
import org.concordia.alert.Recipients;
import org.concordia.json.RecordEncoder;
import org.concordia.model.Envelope;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Person;
import org.concordia.node.AlertMatching;
import org.concordia.node.NodeServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./concordia bench alerts}: the continuous matching of issue 6. First, in this JVM, the cost of
 * checking one record against {@code --alerts} active alerts with the node's own alert matching ({@link
 * AlertMatching}: Lucene candidates, the person comparator, the pair decision), and how well it finds
 * the alerted people: the subjects are generated people (one record each), the records checked are the
 * same people's other records (other owners, scripts, typing errors) and as many records of people
 * without an alert. Then, with two nodes on this machine (INTERPOL publishes {@code --e2e-alerts} alerts
 * to EUROPOL over the channel), the time from a record's import at EUROPOL to the hit report stored at
 * INTERPOL, one import at a time.
 */
@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description =
                "Alert check cost per record against N active alerts; import-to-hit-report time between two nodes.")
final class AlertBench implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ParticipantCode ALERTS = new ParticipantCode("ALERTS");

    @Option(names = "--alerts", defaultValue = "100000", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int alerts;

    @Option(
            names = "--checks",
            defaultValue = "20000",
            paramLabel = "C",
            description = "Records checked (half of alerted people, half of others). Default: ${DEFAULT-VALUE}.")
    int checks;

    @Option(names = "--warmup", defaultValue = "5000", paramLabel = "W", description = "Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(
            names = "--e2e-alerts",
            defaultValue = "5000",
            paramLabel = "A",
            description = "Alerts published between the two nodes (0: no end-to-end part). Default: ${DEFAULT-VALUE}.")
    int e2eAlerts;

    @Option(
            names = "--e2e-imports",
            defaultValue = "200",
            paramLabel = "I",
            description = "Records imported one at a time, each hitting an alert. Default: ${DEFAULT-VALUE}.")
    int e2eImports;

    @Option(
            names = "--candidates",
            paramLabel = "K",
            description = "Candidates per record checked (default: the node's, " + AlertMatching.CANDIDATES + ").")
    int candidates = AlertMatching.CANDIDATES;

    @Option(
            names = "--threshold",
            paramLabel = "P",
            description = "Match probability from which a record hits (default: the node's, " + AlertMatching.THRESHOLD
                    + ").")
    double threshold = AlertMatching.THRESHOLD;

    @Option(names = "--port-base", defaultValue = "8480", paramLabel = "P", description = "Default: ${DEFAULT-VALUE}.")
    int portBase;

    @Option(names = "--dir", paramLabel = "DIR", description = "Working directory (default: a temporary one).")
    Path dir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** A record checked, and the alert of its person (null for a person without one). */
    private record Check(Person record, Alert alert) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int others = checks / 2;
        out.printf("generating %,d people...%n", alerts + others);
        out.flush();
        List<Alert> subjects = new ArrayList<>(alerts);
        List<Check> alerted = new ArrayList<>();
        List<Check> unalerted = new ArrayList<>();
        Instant now = Instant.now();
        try (GeneratedPeople people = GeneratedPeople.generate(7, alerts + others)) {
            Map<String, Alert> alertOf = new LinkedHashMap<>();
            for (Person p : people.persons) {
                String person = people.personOf.get(p.id().value());
                Alert a = alertOf.get(person);
                if (a == null && !alertOf.containsKey(person)) {
                    if (subjects.size() < alerts) {
                        a = alert(reowned(p, ALERTS), now);
                        subjects.add(a);
                    }
                    alertOf.put(person, a); // null: a person without an alert
                    if (a != null) {
                        continue; // the alert's own record
                    }
                }
                if (a != null && alerted.size() < checks - others) {
                    alerted.add(new Check(p, a));
                } else if (a == null && unalerted.size() < others) {
                    unalerted.add(new Check(p, null));
                }
            }
        }
        List<Check> all = new ArrayList<>(alerted);
        all.addAll(unalerted);
        java.util.Collections.shuffle(all, new java.util.Random(7));

        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap0 = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        AlertIndex<?> index = AlertMatching.newIndex(AlertMatching::generatedModel, threshold, candidates);
        index.putAll(subjects);
        double build = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory() - heap0;
        out.printf(
                "%,d active alerts indexed in %.1f s (about %,d MB of heap); checking %,d records (%,d of alerted"
                        + " people, %,d of others) after %,d warm-up checks, one thread%n",
                subjects.size(), build, heap >> 20, all.size(), alerted.size(), unalerted.size(), warmup);
        out.flush();
        for (int i = 0; i < warmup; i++) {
            index.check(all.get(i % all.size()).record(), now);
        }
        long[] nanos = new long[all.size()];
        int found = 0;
        int wrong = 0;
        int falseHits = 0;
        List<Check> hitting = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Check c = all.get(i);
            long t = System.nanoTime();
            List<AlertIndex.Match> m = index.check(c.record(), now);
            nanos[i] = System.nanoTime() - t;
            if (c.alert() == null) {
                falseHits += m.isEmpty() ? 0 : 1;
            } else if (m.stream().anyMatch(x -> x.alert().id().equals(c.alert().id()))) {
                found++;
                hitting.add(c);
            } else if (!m.isEmpty()) {
                wrong++;
            }
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e3;
        out.printf(
                "check per record: mean %.0f \u00b5s, p50 %.0f \u00b5s, p95 %.0f \u00b5s, p99 %.0f \u00b5s, max %.1f ms"
                        + " (target mean < 1 ms) %s%n",
                mean,
                pct(sorted, 50) / 1e3,
                pct(sorted, 95) / 1e3,
                pct(sorted, 99) / 1e3,
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                mean < 1_000 ? "\u2714" : "\u2718");
        out.printf(
                "records of alerted people hitting their alert: %.1f %% (%,d of %,d; %,d hit only another alert);"
                        + " records of other people hitting an alert: %.2f %% (%,d of %,d)%n",
                100.0 * found / Math.max(1, alerted.size()),
                found,
                alerted.size(),
                wrong,
                100.0 * falseHits / Math.max(1, unalerted.size()),
                falseHits,
                unalerted.size());
        out.flush();
        if (e2eAlerts > 0) {
            endToEnd(subjects, hitting, out);
        }
        return ConcordiaCli.OK;
    }

    /** Two nodes: INTERPOL's alerts reach EUROPOL; EUROPOL imports records one at a time; time to each report. */
    private void endToEnd(List<Alert> subjects, List<Check> hitting, PrintWriter out) throws Exception {
        Path work = dir != null ? dir : Files.createTempDirectory("concordia-bench-alerts");
        ParticipantCode interpol = new ParticipantCode("INTERPOL");
        ParticipantCode europol = new ParticipantCode("EUROPOL");
        int published = Math.min(e2eAlerts, subjects.size());
        java.util.Set<UUID> inE2e = new java.util.HashSet<>();
        subjects.subList(0, published).forEach(a -> inE2e.add(a.id()));
        // records a node reports (not withheld: labelled at most AMBER, as the demo agreements allow)
        List<Check> imports = hitting.stream()
                .filter(c -> inE2e.contains(c.alert().id()))
                .filter(c -> !c.record().envelope().handling().tlp().isStricterThan(org.concordia.model.TlpLabel.AMBER))
                .limit(e2eImports)
                .toList();
        try (LocalFederation federation = LocalFederation.create(work, List.of("INTERPOL", "EUROPOL"), portBase)) {
            Runtime.getRuntime().addShutdownHook(new Thread(federation::close));
            federation.start();
            NodeServer owner = federation.nodes().get(0);
            NodeServer recipient = federation.nodes().get(1);
            String officer = federation.accounts().get("INTERPOL").get(0).user();
            RecordEncoder encoder = new RecordEncoder();
            long t0 = System.nanoTime();
            for (Alert a : subjects.subList(0, published)) {
                ObjectNode request = JSON.createObjectNode();
                request.put("type", a.type().wireName());
                request.set("subject", JSON.readTree(encoder.encode(reowned((Person) a.subject(), interpol))));
                request.putArray("recipients").add("EUROPOL");
                request.put("requestedAction", a.requestedAction());
                owner.publishAlert(officer, request.toString());
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (recipient.checkedAlerts() < published) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the alerts did not all arrive within 30 minutes");
                }
                Thread.sleep(200);
            }
            double arrival = (System.nanoTime() - t0) / 1e9;
            out.printf(
                    "2 nodes: %,d alerts published by INTERPOL, received and checked by EUROPOL in %.1f s (%.0f/s)%n",
                    published, arrival, published / arrival);
            out.flush();
            long[] latency = new long[imports.size()];
            int missed = 0;
            for (int i = 0; i < imports.size(); i++) {
                long before = owner.reportedHits();
                long t = System.nanoTime();
                recipient.importRecords(List.of(reowned(imports.get(i).record(), europol)));
                long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (owner.reportedHits() <= before && System.nanoTime() < end) {
                    Thread.sleep(1);
                }
                latency[i] = System.nanoTime() - t;
                if (owner.reportedHits() <= before) {
                    missed++;
                }
            }
            Arrays.sort(latency);
            out.printf(
                    "import at EUROPOL -> hit report stored at INTERPOL, %d records one at a time: p50 %.0f ms, p95 %.0f"
                            + " ms, max %.0f ms%s%n",
                    imports.size(),
                    pct(latency, 50) / 1e6,
                    pct(latency, 95) / 1e6,
                    latency.length == 0 ? 0 : latency[latency.length - 1] / 1e6,
                    missed == 0 ? "" : " (" + missed + " never reported within 10 s)");
            out.flush();
        }
    }

    private static Alert alert(Person subject, Instant now) {
        return new Alert(
                UUID.randomUUID(),
                1,
                subject.owner(),
                AlertType.WANTED,
                subject,
                "locate and arrest",
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)),
                new Recipients.All(),
                Alert.Status.ACTIVE);
    }

    private static Person reowned(Person p, ParticipantCode owner) {
        Envelope e = p.envelope();
        return new Person(
                new Envelope(
                        e.id(),
                        e.type(),
                        owner,
                        e.handling(),
                        e.grading(),
                        e.purpose(),
                        e.legalBasis(),
                        e.created(),
                        e.retainUntil(),
                        e.reviewBy()),
                p.names(),
                p.sex(),
                p.birthDate(),
                p.birthPlace(),
                p.nationalities(),
                p.documents());
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
