package org.concordia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.concordia.cli.LocalFederation.Account;
import org.concordia.generator.GenerationSummary;
import org.concordia.generator.PeopleGenerator;
import org.concordia.model.Person;
import org.concordia.model.PersonName;
import org.concordia.model.Record;
import org.concordia.node.NodeServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job on the embedded default: a federation of N nodes on this machine (INTERPOL, EUROPOL,
 * AFRIPOL, ASEANAPOL, GCCPOL, then AMERIPOL), each with its own embedded store and search index, holding
 * its share of generated people in its own scripts; a federation authority, node certificates and a
 * signed directory made for the run; a mix of full and hit-only agreements; four accounts per node.
 * Writes {@code DIR/demo.json} ({@code {"nodes": [{"participant", "url", "accounts": [{"user",
 * "password", "role"}]}]}}), runs one federated search, publishes one alert for the person searched
 * (the partners report their hits), and serves until stopped.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts a federation of nodes on this machine, each with its own embedded store and generated records",
            "(the same people spread across owners in different scripts), prints each node's URL and accounts",
            "(also in DIR/demo.json), searches one person across all of them, publishes a wanted-person alert for",
            "them (the partners check their records and report their hits), and serves until Ctrl-C."
        })
final class DemoCommand implements Callable<Integer> {
    static final List<String> PARTICIPANTS = LocalFederation.PARTICIPANTS;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = "concordia-demo",
            description = "Working directory. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(
            names = "--nodes",
            paramLabel = "N",
            defaultValue = "5",
            description = "Nodes, 1 to 6. Default: ${DEFAULT-VALUE}.")
    int nodes;

    @Option(
            names = "--people",
            paramLabel = "K",
            defaultValue = "2000",
            description = "People to generate. Default: ${DEFAULT-VALUE}.")
    int people;

    @Option(
            names = "--port-base",
            paramLabel = "P",
            defaultValue = "8080",
            description =
                    "Node i's user API listens on P+i, its federation (mutual TLS) port on P+100+i. Default: ${DEFAULT-VALUE}.")
    int portBase;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--no-serve",
            description = "Stop the nodes after the example search instead of serving until Ctrl-C.")
    boolean noServe;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (nodes < 1 || nodes > PARTICIPANTS.size()) {
            err.println("error invalid_value: --nodes must be between 1 and " + PARTICIPANTS.size());
            return ConcordiaCli.USAGE;
        }
        if (portBase < 1 || portBase + 100 + nodes > 65_535) {
            err.println("error invalid_value: --port-base leaves no room for " + nodes + " nodes");
            return ConcordiaCli.USAGE;
        }
        List<String> codes = PARTICIPANTS.subList(0, nodes);
        Path generated = dir.resolve("generated");
        GenerationSummary g = new PeopleGenerator(seed).write(people, generated);
        Map<String, List<Record>> byOwner = LocalFederation.recordsByOwner(generated, codes, Integer.MAX_VALUE);
        out.printf("Generated %d people as %d records (%s)%n", g.people(), g.records(), generated);

        LocalFederation federation = LocalFederation.create(dir, codes, portBase);
        out.printf(
                "Federation authority, %d node certificates and the signed directory: %s%n%n",
                codes.size(), federation.pki());
        out.flush();

        Runtime.getRuntime().addShutdownHook(new Thread(federation::close));
        federation.start();
        List<NodeServer> started = federation.nodes();
        Map<String, List<Account>> accounts = federation.accounts();
        for (int i = 0; i < codes.size(); i++) {
            started.get(i).importRecords(byOwner.getOrDefault(codes.get(i), List.of()));
        }
        Path demoJson = writeDemoJson(codes, started, accounts);

        out.printf(
                "%-10s %-24s %8s  %-32s %s%n",
                "node", "url", "persons", "federation (mutual TLS)", "accounts (user / password)");
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            StringBuilder acc = new StringBuilder();
            for (Account a : accounts.get(code)) {
                acc.append(acc.isEmpty() ? "" : ", ")
                        .append(a.user())
                        .append(" / ")
                        .append(a.password());
            }
            out.printf(
                    "%-10s %-24s %8d  %-32s %s%n",
                    code,
                    started.get(i).url(),
                    started.get(i).indexedPersons(),
                    "https://127.0.0.1:" + (portBase + 100 + i),
                    acc);
        }
        out.printf(
                "%nAgreements: each owner shares persons up to TLP:AMBER with every other node, in full or hit-only"
                        + " (alternating); see GET /api/v1/agreements as dpo.%nNodes and accounts: %s%n",
                demoJson);
        out.flush();

        Person example = exampleSearch(generated, byOwner, codes, started, accounts, out);
        if (example != null && codes.size() > 1) {
            exampleAlert(example, codes, started, accounts, out);
        }

        if (noServe) {
            federation.close();
            return ConcordiaCli.OK;
        }
        out.printf("%nThe nodes are running; Ctrl-C stops them.%n");
        out.flush();
        new CountDownLatch(1).await();
        return ConcordiaCli.OK;
    }

    private Path writeDemoJson(List<String> codes, List<NodeServer> started, Map<String, List<Account>> accounts)
            throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("nodes");
        for (int i = 0; i < codes.size(); i++) {
            ObjectNode n = list.addObject();
            n.put("participant", codes.get(i));
            n.put("url", started.get(i).url());
            ArrayNode acc = n.putArray("accounts");
            for (Account a : accounts.get(codes.get(i))) {
                acc.addObject()
                        .put("user", a.user())
                        .put("password", a.password())
                        .put("role", a.role().wireName());
            }
        }
        Path file = dir.resolve("demo.json");
        Files.writeString(
                file, JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps its default permissions
        }
        return file;
    }

    /**
     * Searches, from the first node as its officer, the person the generator spread over the most
     * scripts, written as one of the other nodes holds them in Latin script; marks the hits that are that
     * person in the generator's ground truth.
     */
    private Person exampleSearch(
            Path generated,
            Map<String, List<Record>> byOwner,
            List<String> codes,
            List<NodeServer> started,
            Map<String, List<Account>> accounts,
            PrintWriter out)
            throws Exception {
        Map<String, String> personOf = PeopleGenerator.readTruth(generated);
        Map<String, List<Person>> recordsOf = new HashMap<>();
        for (String code : codes) {
            for (Record r : byOwner.getOrDefault(code, List.of())) {
                if (r instanceof Person p && personOf.containsKey(p.id().value())) {
                    recordsOf
                            .computeIfAbsent(personOf.get(p.id().value()), k -> new ArrayList<>())
                            .add(p);
                }
            }
        }
        Optional<List<Person>> best = recordsOf.values().stream()
                .filter(l -> l.stream().anyMatch(p -> latin(p) != null && p.birthDate() != null))
                .max(Comparator.comparingLong(DemoCommand::scripts).thenComparingInt(List::size));
        if (best.isEmpty()) {
            out.println("No person is held by several nodes: no example search.");
            return null;
        }
        Person asked = best.get().stream()
                .filter(p -> latin(p) != null && p.birthDate() != null)
                .findFirst()
                .orElseThrow();
        out.printf("%nOne person, as the nodes hold them:%n");
        for (Person p : best.get()) {
            for (PersonName n : p.names()) {
                out.printf("  %-10s %-16s %-36s %s  born %s%n", p.owner(), p.id(), n.full(), n.script(), p.birthDate());
            }
        }
        Account officer = accounts.get(codes.getFirst()).getFirst();
        String url = started.getFirst().url();
        String name = latin(asked);
        out.printf(
                "%nSearching from %s for \"%s\", born %s:%n  ./concordia search --node %s --user %s --password %s"
                        + " --purpose \"criminal-investigation: demo\" --name \"%s\" --birth-date %s%n%n",
                codes.getFirst(),
                name,
                asked.birthDate(),
                url,
                officer.user(),
                officer.password(),
                name,
                asked.birthDate());
        ObjectNode request = JSON.createObjectNode();
        request.put("purpose", "criminal-investigation: demo");
        request.put("name", name);
        request.put("birthDate", asked.birthDate().toString());
        JsonNode answer;
        try (NodeClient client = new NodeClient(url, officer.user(), officer.password())) {
            answer = JSON.readTree(client.post(
                    "/api/v1/searches", "application/json", HttpRequest.BodyPublishers.ofString(request.toString())));
        }
        SearchCommand.print(answer, out);
        String person = personOf.get(asked.id().value());
        long same = 0;
        for (JsonNode r : answer.path("results")) {
            if (r.hasNonNull("recordId")
                    && person.equals(personOf.get(r.path("recordId").asText()))) {
                same++;
            }
        }
        out.printf(
                "%n%d full hits are this person in the generator's ground truth; hit-only answers name the owner only.%n",
                same);
        out.flush();
        return asked;
    }

    /**
     * Publishes, from the first node, a wanted-person alert for the person of the example search (as the
     * first node's own record) to every other node; each checks the records it holds at once, and the hits
     * they report come back to the first node, hit-only or in full as each one's agreement says.
     */
    private void exampleAlert(
            Person asked,
            List<String> codes,
            List<NodeServer> started,
            Map<String, List<Account>> accounts,
            PrintWriter out)
            throws Exception {
        Account officer = accounts.get(codes.getFirst()).getFirst();
        String url = started.getFirst().url();
        ObjectNode subject = (ObjectNode) JSON.readTree(new org.concordia.json.RecordEncoder().encode(asked));
        subject.put("id", "DEMO-WANTED-1");
        subject.put("owner", codes.getFirst());
        ObjectNode alert = JSON.createObjectNode();
        alert.put("type", "wanted");
        alert.set("subject", subject);
        alert.put("recipients", "all");
        alert.put("requestedAction", "locate and arrest; inform the owner at once");
        Path file = dir.resolve("demo-alert.json");
        Files.writeString(
                file, JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(alert));
        out.printf(
                "%nPublishing a wanted-person alert for the same person from %s to every node; each checks its records"
                        + " now and on every later import:%n  ./concordia alerts publish --node %s --user %s --password %s"
                        + " --file %s%n",
                codes.getFirst(), url, officer.user(), officer.password(), file);
        try (NodeClient client = new NodeClient(url, officer.user(), officer.password())) {
            String id = JSON.readTree(client.postJson("/api/v1/alerts", alert.toString()))
                    .path("id")
                    .asText();
            // the partners holding the person report within seconds; wait for the hits to settle
            JsonNode hits = JSON.createArrayNode();
            long end = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            int seen = -1;
            long stableSince = System.nanoTime();
            while (System.nanoTime() < end) {
                hits = JSON.readTree(client.get("/api/v1/alerts/hits?alert=" + id))
                        .path("hits");
                if (hits.size() != seen) {
                    seen = hits.size();
                    stableSince = System.nanoTime();
                } else if (seen > 0 && System.nanoTime() - stableSince > 3_000_000_000L) {
                    break;
                }
                Thread.sleep(250);
            }
            out.printf(
                    "%nHits reported to %s (./concordia alerts hits --node %s --user %s --password %s):%n",
                    codes.getFirst(), url, officer.user(), officer.password());
            for (JsonNode h : hits) {
                out.printf(
                        "  %-10s %-8s score %.3f  %s%n",
                        h.path("participant").asText(),
                        h.path("reply").asText(),
                        h.path("score").asDouble(),
                        h.has("recordId")
                                ? "record " + h.path("recordId").asText()
                                : "reference " + h.path("reference").asText()
                                        + " (ask with ./concordia follow-up request)");
            }
            out.printf("%d hits on alert %s%n", hits.size(), id);
        }
        out.flush();
    }

    private static String latin(Person p) {
        for (PersonName n : p.names()) {
            if ("Latn".equals(n.script())) {
                return n.full();
            }
        }
        return null;
    }

    private static long scripts(List<Person> records) {
        return records.stream()
                .flatMap(p -> p.names().stream())
                .map(PersonName::script)
                .distinct()
                .count();
    }
}
