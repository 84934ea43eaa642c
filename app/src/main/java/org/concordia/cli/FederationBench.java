package org.concordia.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.concordia.generator.GenerationSummary;
import org.concordia.generator.PeopleGenerator;
import org.concordia.json.Decoded;
import org.concordia.json.RecordDecoder;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Person;
import org.concordia.model.Record;
import org.concordia.node.NodeServer;
import org.concordia.sharing.SharingAgreement;
import org.concordia.sharing.SharingPolicy;
import org.concordia.sharing.SharingPolicy.Disclosure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "federation",
        mixinStandardHelpOptions = true,
        description = {
            "Federated search benchmark: N nodes in this JVM (as the demo builds them), each with its own embedded",
            "store and about K generated persons of its own; searches sent as officers to the nodes' user APIs,",
            "open loop at a fixed rate, half of them persons held by other nodes, half no-hit. Prints latency",
            "percentiles (from each search's scheduled time), throughput, per-partner latency, recall, memory,",
            "then the cost of the no-hit path one search at a time. Target: p99 <= 150 ms at 50 searches/s",
            "across 5 nodes of 200,000 persons."
        })
final class FederationBench implements Callable<Integer> {
    static final double TARGET_P99_MS = 150;
    /** Clients of the warm-up. */
    static final int WARMUP_WORKERS = 4;
    /** Records per person that the smallest owner among the first five (AFRIPOL) gets: about 0.25. */
    private static final double SMALLEST_OWNER_SHARE = 0.24;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PURPOSE = "criminal-investigation: federation benchmark";

    @Option(
            names = "--nodes",
            paramLabel = "N",
            defaultValue = "5",
            description = "Nodes, 2 to 6. Default: ${DEFAULT-VALUE}.")
    int nodes;

    @Option(
            names = "--people-per-node",
            paramLabel = "K",
            defaultValue = "200000",
            description = "Person records each node holds. Default: ${DEFAULT-VALUE}.")
    int perNode;

    @Option(
            names = "--rate",
            paramLabel = "R",
            defaultValue = "50",
            description = "Searches per second, over all nodes. Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(
            names = "--duration",
            paramLabel = "S",
            defaultValue = "60",
            description = "Seconds measured, after the warm-up. Default: ${DEFAULT-VALUE}.")
    int duration;

    @Option(
            names = "--warmup",
            paramLabel = "S",
            defaultValue = "120",
            description = "Seconds of warm-up before measuring: "
                    + WARMUP_WORKERS
                    + " clients searching one after another (the JIT compiler's work on the nodes' code"
                    + " takes about two minutes on two cores). Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(
            names = "--no-hit-share",
            paramLabel = "F",
            defaultValue = "0.5",
            description = "Share of no-hit queries. Default: ${DEFAULT-VALUE}.")
    double noHitShare;

    @Option(
            names = "--probe",
            paramLabel = "Q",
            defaultValue = "2000",
            description = "No-hit queries sent one at a time to the first node after the run, to cost the"
                    + " no-hit path (and a quarter as many hit queries to compare). Default: ${DEFAULT-VALUE}.")
    int probe;

    @Option(
            names = "--port-base",
            paramLabel = "P",
            defaultValue = "8280",
            description =
                    "Node i's user API listens on P+i, its federation port on P+100+i. Default: ${DEFAULT-VALUE}.")
    int portBase;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Working directory (default: a new temporary one, deleted after).")
    Path dir;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "11", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (nodes < 2 || nodes > LocalFederation.PARTICIPANTS.size()) {
            err.println("error invalid_value: --nodes must be between 2 and " + LocalFederation.PARTICIPANTS.size());
            return ConcordiaCli.USAGE;
        }
        if (perNode < 10 || rate <= 0 || duration < 1 || warmup < 0 || probe < 0 || noHitShare < 0 || noHitShare > 1) {
            err.println("error invalid_value: --people-per-node >= 10, --rate > 0, --duration >= 1, --warmup >= 0,"
                    + " --probe >= 0 and --no-hit-share between 0 and 1");
            return ConcordiaCli.USAGE;
        }
        if (portBase < 1 || portBase + 100 + nodes > 65_535) {
            err.println("error invalid_value: --port-base leaves no room for " + nodes + " nodes");
            return ConcordiaCli.USAGE;
        }
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("concordia-federation") : dir;
        try {
            return run(work, out);
        } finally {
            if (temporary) {
                BenchCommand.ImportBench.deleteTree(work);
            }
        }
    }

    private int run(Path work, PrintWriter out) throws Exception {
        List<String> codes = LocalFederation.PARTICIPANTS.subList(0, nodes);
        int people = (int) Math.ceil(perNode / SMALLEST_OWNER_SHARE);
        long t0 = System.nanoTime();
        Path generated = work.resolve("generated");
        GenerationSummary g = new PeopleGenerator(seed).write(people, generated);
        Map<String, List<Record>> byOwner = LocalFederation.recordsByOwner(generated, codes, perNode);
        Map<String, String> personOf = keptTruth(generated, byOwner);
        out.printf(
                "generated %d people (%d records) and read the first %d records of each node's owner in %.1f s%s%n",
                g.people(),
                g.records(),
                perNode,
                seconds(t0),
                codes.contains("AMERIPOL") ? "" : "; AMERIPOL is not a node: its records are not imported");
        List<List<SearchLoad.Query>> hitPools = hitQueries(codes, byOwner, personOf);
        out.flush();

        long t1 = System.nanoTime();
        try (LocalFederation federation = LocalFederation.create(work, codes, portBase)) {
            Runtime.getRuntime().addShutdownHook(new Thread(federation::close));
            federation.start();
            out.printf("%d nodes started in %.1f s%n", nodes, seconds(t1));
            long t2 = System.nanoTime();
            for (int i = 0; i < nodes; i++) {
                long t = System.nanoTime();
                List<Record> records = byOwner.remove(codes.get(i));
                NodeServer node = federation.nodes().get(i);
                for (int from = 0; from < records.size(); from += 5_000) {
                    node.importRecords(records.subList(from, Math.min(records.size(), from + 5_000)));
                }
                out.printf(
                        "  %-10s %7d persons stored and indexed in %5.1f s%n",
                        codes.get(i), node.indexedPersons(), seconds(t));
                out.flush();
            }
            double load = seconds(t2);
            out.printf("load: %.1f s for %d persons (%.0f persons/s)%n", load, nodes * perNode, nodes * perNode / load);
            ServerProcesses servers = ServerProcesses.under(work);
            System.gc();
            out.printf(
                    "memory after load: JVM heap in use %d MiB after GC, peak heap %d MiB, JVM resident set %d MiB (peak)"
                            + ", %d PostgreSQL servers %d MiB (proportional set size); -Xmx %d MiB%n%n",
                    heapUsedMiB(),
                    Measurements.heapPeakMiB(),
                    Measurements.processPeakRssMiB(),
                    servers.servers(),
                    servers.pssMiB(),
                    Runtime.getRuntime().maxMemory() >> 20);
            out.flush();
            return measure(federation, hitPools, personOf, servers, out);
        }
    }

    private int measure(
            LocalFederation federation,
            List<List<SearchLoad.Query>> hitPools,
            Map<String, String> personOf,
            ServerProcesses servers,
            PrintWriter out)
            throws Exception {
        List<String> codes = federation.codes();
        List<NodeClient> clients = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            LocalFederation.Account officer =
                    federation.accounts().get(codes.get(i)).getFirst();
            clients.add(new NodeClient(
                    federation.nodes().get(i).url(), officer.user(), officer.password(), Duration.ofSeconds(60)));
        }
        try {
            // the warm-up's searches come first in the mix, the measured ones after them: none is asked twice
            int warm = (int) Math.round(warmup * Math.max(rate, 100));
            int count = (int) Math.round(duration * rate);
            int noHits = (int) Math.ceil((warm + count) * noHitShare) + probe + 1;
            List<SearchLoad.Query> noHitPool = noHitQueries(noHits);
            List<SearchLoad.Query> mixed = mix(warm + count, hitPools, noHitPool);
            List<SearchLoad.Query> queries = mixed.subList(warm, mixed.size());
            if (warmup > 0) {
                long w = System.nanoTime();
                int warmed =
                        SearchLoad.closedLoop(clients, mixed.subList(0, Math.max(1, warm)), warmup, WARMUP_WORKERS);
                out.printf(
                        "warm-up: %d searches in %.0f s, %d clients one search after another%n",
                        warmed, seconds(w), WARMUP_WORKERS);
                out.flush();
            }

            Measurements.resetPeaks();
            long cpu = ServerProcesses.jvmCpuMillis();
            long pgCpu = servers.cpuMillis();
            long machine = ServerProcesses.machineBusyMillis();
            long start = System.nanoTime();
            List<SearchLoad.Sample> all;
            List<GcActivity.Event> collections;
            try (GcActivity gc = GcActivity.start()) {
                all = SearchLoad.openLoop(clients, queries, count, rate, personOf);
                collections = gc.events();
            }
            double wall = seconds(start);
            List<SearchLoad.Sample> measured = all;
            FederationReport report = new FederationReport(out);
            out.printf(
                    "open loop: %.1f searches/s over %d nodes as entry points (round robin), %.0f %% no-hit queries;"
                            + " %d s measured%n",
                    rate, nodes, 100 * noHitShare, duration);
            report.openLoop(measured, rate, duration, TARGET_P99_MS);
            report.cpu(
                    ServerProcesses.jvmCpuMillis() - cpu,
                    servers.cpuMillis() - pgCpu,
                    ServerProcesses.machineBusyMillis() - machine,
                    all.size(),
                    wall);
            out.printf(
                    "memory during the run: peak JVM heap %d MiB, peak JVM resident set %d MiB, PostgreSQL servers %d MiB%n",
                    Measurements.heapPeakMiB(), Measurements.processPeakRssMiB(), servers.pssMiB());
            out.printf("garbage collections during the measured run:%s%n", collections.isEmpty() ? " none" : "");
            for (String line : GcActivity.summary(collections)) {
                out.printf("  %s%n", line);
            }
            out.flush();

            if (probe > 0) {
                List<SearchLoad.Query> probeNoHit = new ArrayList<>();
                for (SearchLoad.Query q : noHitPool.subList(noHitPool.size() - probe, noHitPool.size())) {
                    probeNoHit.add(new SearchLoad.Query(0, q.body(), false, null, Map.of()));
                }
                List<SearchLoad.Query> pool0 = hitPools.getFirst();
                List<SearchLoad.Query> probeHit = pool0.subList(0, Math.min(pool0.size(), Math.max(1, probe / 4)));
                out.printf(
                        "%nthe no-hit path, one search at a time from %s (the entry node) to every node:%n",
                        codes.getFirst());
                oneByOne(report, clients, probeNoHit, personOf, servers, "no-hit");
                out.printf("the hit path, the same way, to compare:%n");
                oneByOne(report, clients, probeHit, personOf, servers, "hit");
            }
            out.printf(
                    "cores: %d, java %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            out.flush();
            return ConcordiaCli.OK;
        } finally {
            clients.forEach(NodeClient::close);
        }
    }

    private void oneByOne(
            FederationReport report,
            List<NodeClient> clients,
            List<SearchLoad.Query> queries,
            Map<String, String> personOf,
            ServerProcesses servers,
            String kind) {
        long cpu = ServerProcesses.jvmCpuMillis();
        long pgCpu = servers.cpuMillis();
        long start = System.nanoTime();
        List<SearchLoad.Sample> samples = SearchLoad.oneByOne(clients, queries, personOf);
        report.oneByOne(
                samples,
                kind,
                ServerProcesses.jvmCpuMillis() - cpu,
                servers.cpuMillis() - pgCpu,
                seconds(start),
                nodes);
    }

    /** The person of every record kept for a node. */
    private static Map<String, String> keptTruth(Path generated, Map<String, List<Record>> byOwner) throws Exception {
        // keyed by the records' own id strings and with one string per person: this map lives through the
        // measured minute in the nodes' JVM, where a copy of each id would be garbage the collector marks
        Map<String, String> kept = new HashMap<>();
        byOwner.values().forEach(l -> l.forEach(r -> kept.put(r.id().value(), r.id().value())));
        Map<String, String> persons = new HashMap<>();
        Map<String, String> out = new HashMap<>();
        PeopleGenerator.readTruth(generated).forEach((record, person) -> {
            String id = kept.get(record);
            if (id != null) {
                out.put(id, persons.computeIfAbsent(person, k -> k));
            }
        });
        return out;
    }

    /**
     * For each node, searches for persons it holds and other nodes hold too, written as it holds them
     * (its own script, its spelling, its birth date), shuffled; with how each other holder discloses the
     * person to it (a record withheld from it, above TLP:AMBER, is not expected).
     */
    private List<List<SearchLoad.Query>> hitQueries(
            List<String> codes, Map<String, List<Record>> byOwner, Map<String, String> personOf) {
        Map<String, Map<String, Person>> holders = new LinkedHashMap<>();
        for (String code : codes) {
            for (Record r : byOwner.getOrDefault(code, List.of())) {
                if (r instanceof Person p) {
                    holders.computeIfAbsent(personOf.get(p.id().value()), k -> new HashMap<>())
                            .put(code, p);
                }
            }
        }
        Random random = new Random(seed);
        List<List<SearchLoad.Query>> pools = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            List<SearchLoad.Query> pool = new ArrayList<>();
            for (Map.Entry<String, Map<String, Person>> e : holders.entrySet()) {
                Person asked = e.getValue().get(codes.get(i));
                if (asked == null || e.getValue().size() < 2 || asked.names().isEmpty()) {
                    continue;
                }
                Map<String, Disclosure> expected = new LinkedHashMap<>();
                for (int j = 0; j < codes.size(); j++) {
                    Person held = e.getValue().get(codes.get(j));
                    if (j == i || held == null) {
                        continue;
                    }
                    SharingAgreement a = SharingAgreement.persons(
                            new ParticipantCode(codes.get(j)),
                            new ParticipantCode(codes.get(i)),
                            LocalFederation.mode(j, i));
                    Disclosure d = SharingPolicy.disclose(a, held);
                    if (d != Disclosure.WITHHELD) {
                        expected.put(codes.get(j), d);
                    }
                }
                if (!expected.isEmpty()) {
                    pool.add(new SearchLoad.Query(i, body(asked), true, e.getKey(), expected));
                }
            }
            Collections.shuffle(pool, random);
            // a copy: a view would keep every candidate query (hundreds of thousands) in the heap the run measures
            pools.add(List.copyOf(pool.subList(0, Math.min(pool.size(), 20_000))));
        }
        return pools;
    }

    /** People generated with another seed and imported nowhere, each asked as one of its records says. */
    private List<SearchLoad.Query> noHitQueries(int count) throws Exception {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        new PeopleGenerator(seed + 1_000_003)
                .write(count, records, new ByteArrayOutputStream(), new ByteArrayOutputStream());
        RecordDecoder decoder = new RecordDecoder(null);
        Set<String> people = new HashSet<>();
        List<SearchLoad.Query> out = new ArrayList<>();
        for (String line : records.toString(StandardCharsets.UTF_8).split("\n")) {
            if (out.size() < count
                    && !line.isBlank()
                    && decoder.decode(JSON.readTree(line)) instanceof Decoded.Accepted a
                    && a.record() instanceof Person p
                    && !p.names().isEmpty()
                    && people.add(p.names().getFirst().full())) {
                out.add(new SearchLoad.Query(out.size() % nodes, body(p), false, null, Map.of()));
            }
        }
        return out;
    }

    /** Query i goes to node i mod N; a hit or a no-hit query drawn at the no-hit share. */
    private List<SearchLoad.Query> mix(
            int count, List<List<SearchLoad.Query>> hitPools, List<SearchLoad.Query> noHitPool) {
        Random random = new Random(seed + 1);
        int[] next = new int[nodes];
        int noHit = 0;
        List<SearchLoad.Query> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = i % nodes;
            List<SearchLoad.Query> pool = hitPools.get(entry);
            if (random.nextDouble() < noHitShare || pool.isEmpty()) {
                SearchLoad.Query q = noHitPool.get(noHit++ % noHitPool.size());
                out.add(new SearchLoad.Query(entry, q.body(), false, null, Map.of()));
            } else {
                out.add(pool.get(next[entry]++ % pool.size()));
            }
        }
        return out;
    }

    private static String body(Person p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("purpose", PURPOSE);
        o.put("name", p.names().getFirst().full());
        if (p.birthDate() != null) {
            o.put("birthDate", p.birthDate().toString());
        }
        return o.toString();
    }

    private static long heapUsedMiB() {
        return java.lang.management.ManagementFactory.getMemoryMXBean()
                        .getHeapMemoryUsage()
                        .getUsed()
                >> 20;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
