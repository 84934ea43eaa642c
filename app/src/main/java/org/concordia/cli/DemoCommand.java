package org.concordia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.concordia.federation.Directory;
import org.concordia.federation.Participant;
import org.concordia.generator.GenerationSummary;
import org.concordia.generator.PeopleGenerator;
import org.concordia.json.Decoded;
import org.concordia.json.RecordDecoder;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Person;
import org.concordia.model.PersonName;
import org.concordia.model.Record;
import org.concordia.node.NodeServer;
import org.concordia.node.NodeSettings;
import org.concordia.node.Roles;
import org.concordia.pki.FederationAuthority;
import org.concordia.pki.NodeCredentials;
import org.concordia.pki.SignedDirectory;
import org.concordia.sharing.SharingAgreement;
import org.concordia.sharing.SharingMode;
import org.concordia.store.NodeStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job on the embedded default: a federation of N nodes on this machine (INTERPOL, EUROPOL,
 * AFRIPOL, ASEANAPOL, GCCPOL, then AMERIPOL), each with its own embedded store and search index, holding
 * its share of generated people in its own scripts; a federation authority, node certificates and a
 * signed directory made for the run; a mix of full and hit-only agreements; four accounts per node.
 * Writes {@code DIR/demo.json} ({@code {"nodes": [{"participant", "url", "accounts": [{"user",
 * "password", "role"}]}]}}), runs one federated search, and serves until stopped.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts a federation of nodes on this machine, each with its own embedded store and generated records",
            "(the same people spread across owners in different scripts), prints each node's URL and accounts",
            "(also in DIR/demo.json), searches one person across all of them, and serves until Ctrl-C."
        })
final class DemoCommand implements Callable<Integer> {
    static final List<String> PARTICIPANTS =
            List.of("INTERPOL", "EUROPOL", "AFRIPOL", "ASEANAPOL", "GCCPOL", "AMERIPOL");
    private static final Map<String, String> REGIONS = Map.of(
            "INTERPOL", "global",
            "EUROPOL", "europe",
            "AFRIPOL", "africa",
            "ASEANAPOL", "south-east-asia",
            "GCCPOL", "gulf",
            "AMERIPOL", "americas");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

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

    private record Account(String user, String password, Roles role) {}

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
        Map<String, List<Record>> byOwner = recordsByOwner(generated);
        out.printf("Generated %d people as %d records (%s)%n", g.people(), g.records(), generated);

        char[] password = randomPassword(20).toCharArray();
        Path pki = dir.resolve("pki");
        writeFederation(pki, codes, password);
        out.printf("Federation authority, %d node certificates and the signed directory: %s%n%n", codes.size(), pki);
        out.flush();

        List<NodeServer> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(NodeServer::close)));
        Map<String, List<Account>> accounts = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(codes.size(), 3));
        try {
            List<Future<NodeServer>> futures = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                NodeSettings settings = settings(codes.get(i), i, pki, password);
                futures.add(pool.submit(() -> NodeServer.start(settings)));
            }
            for (Future<NodeServer> f : futures) {
                started.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < codes.size(); i++) {
            NodeServer node = started.get(i);
            String code = codes.get(i);
            List<Account> list = new ArrayList<>();
            for (Roles role : Roles.values()) {
                Account a = new Account(role.wireName(), randomPassword(12), role);
                node.putAccount(a.user(), a.password(), a.role());
                list.add(a);
            }
            accounts.put(code, list);
            for (int j = 0; j < codes.size(); j++) {
                if (j != i) {
                    SharingMode mode = (i + j) % 2 == 0 ? SharingMode.FULL : SharingMode.HIT_ONLY;
                    node.putAgreement(
                            SharingAgreement.persons(
                                    new ParticipantCode(code), new ParticipantCode(codes.get(j)), mode),
                            "admin");
                }
            }
            node.importRecords(byOwner.getOrDefault(code, List.of()));
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

        exampleSearch(generated, byOwner, codes, started, accounts, out);

        if (noServe) {
            started.forEach(NodeServer::close);
            started.clear();
            return ConcordiaCli.OK;
        }
        out.printf("%nThe nodes are running; Ctrl-C stops them.%n");
        out.flush();
        new CountDownLatch(1).await();
        return ConcordiaCli.OK;
    }

    private NodeSettings settings(String code, int i, Path pki, char[] password) {
        ParticipantCode p = new ParticipantCode(code);
        Path data = dir.resolve("nodes").resolve(code);
        return NodeSettings.of(
                p,
                new NodeStorage.Location.Embedded(data),
                portBase + i,
                new NodeSettings.Federation(
                        portBase + 100 + i,
                        NodeCredentials.keystoreFile(pki, p),
                        password,
                        pki.resolve(FederationAuthority.CERTIFICATE_FILE),
                        pki.resolve(SignedDirectory.FILE),
                        data.resolve("directory-cache")));
    }

    /** A new authority, credentials and directory for this run; the directory's serial grows with time, so nodes adopt it over a cached one. */
    private void writeFederation(Path pki, List<String> codes, char[] password) throws Exception {
        Files.createDirectories(pki);
        Clock clock = Clock.systemUTC();
        FederationAuthority authority = FederationAuthority.create("Concordia demo", clock);
        authority.save(pki, password);
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            ParticipantCode code = new ParticipantCode(codes.get(i));
            NodeCredentials creds = authority.issue(code, codes.get(i), List.of(), clock);
            creds.save(pki, password);
            participants.add(new Participant(
                    code,
                    codes.get(i),
                    REGIONS.getOrDefault(codes.get(i), "global"),
                    URI.create("https://127.0.0.1:" + (portBase + 100 + i)),
                    creds.certificatePem(),
                    Set.of("search")));
        }
        Instant now = clock.instant();
        Directory d = new Directory(now.getEpochSecond(), now, Optional.empty(), participants, Set.of());
        SignedDirectory.write(d, authority, pki.resolve(SignedDirectory.FILE));
        for (String c : codes) {
            // A cached directory of an earlier run was signed by that run's authority.
            Path cache = dir.resolve("nodes").resolve(c).resolve("directory-cache");
            Files.deleteIfExists(cache.resolve(SignedDirectory.FILE));
            Files.deleteIfExists(SignedDirectory.signatureFile(cache.resolve(SignedDirectory.FILE)));
        }
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
    private void exampleSearch(
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
            return;
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

    private static Map<String, List<Record>> recordsByOwner(Path generated) throws Exception {
        Map<String, List<Record>> out = new LinkedHashMap<>();
        RecordDecoder decoder = new RecordDecoder(null);
        try (BufferedReader in = Files.newBufferedReader(generated.resolve(PeopleGenerator.RECORDS_FILE))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && decoder.decode(JSON.readTree(line)) instanceof Decoded.Accepted a) {
                    out.computeIfAbsent(a.record().owner().value(), k -> new ArrayList<>())
                            .add(a.record());
                }
            }
        }
        return out;
    }

    private static String randomPassword(int length) {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
