package org.concordia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.concordia.generator.PeopleGenerator;
import org.concordia.json.Decoded;
import org.concordia.json.RecordDecoder;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;
import org.concordia.node.NodeServer;
import org.concordia.node.NodeSettings;
import org.concordia.node.Roles;
import org.concordia.pki.FederationAuthority;
import org.concordia.pki.FederationSetup;
import org.concordia.pki.NodeCredentials;
import org.concordia.pki.SignedDirectory;
import org.concordia.sharing.SharingAgreement;
import org.concordia.sharing.SharingMode;
import org.concordia.store.NodeStorage;

/**
 * A federation of nodes in this JVM, as the demo and the federation benchmark build it: a federation
 * authority, node certificates and a signed directory made for the run ({@code DIR/pki}); node i
 * serving its user API on P+i and its mutual-TLS federation port on P+100+i, with its own embedded
 * store in {@code DIR/nodes/CODE}; four accounts per node (one per role); every owner sharing persons
 * up to TLP:AMBER with every other node, in full or hit-only, alternating ({@link #mode}).
 *
 * <p>Not thread-safe; {@link #close()} may be called more than once (a shutdown hook and the caller).
 */
final class LocalFederation implements AutoCloseable {
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

    record Account(String user, String password, Roles role) {}

    private final Path dir;
    private final List<String> codes;
    private final int portBase;
    private final char[] password = randomPassword(20).toCharArray();
    private final List<NodeServer> nodes = new ArrayList<>();
    private final Map<String, List<Account>> accounts = new LinkedHashMap<>();

    private LocalFederation(Path dir, List<String> codes, int portBase) {
        this.dir = dir;
        this.codes = List.copyOf(codes);
        this.portBase = portBase;
    }

    /**
     * Writes a new federation authority, the nodes' credentials and the signed directory into {@code
     * DIR/pki}; starts nothing yet.
     */
    static LocalFederation create(Path dir, List<String> codes, int portBase) throws Exception {
        LocalFederation f = new LocalFederation(dir, codes, portBase);
        f.writeFederation();
        return f;
    }

    Path pki() {
        return dir.resolve("pki");
    }

    List<String> codes() {
        return codes;
    }

    /** The started nodes, in the order of {@link #codes()}. */
    List<NodeServer> nodes() {
        return nodes;
    }

    /** Each node's accounts: officer, analyst, dpo, admin (the order of {@link Roles}). */
    Map<String, List<Account>> accounts() {
        return accounts;
    }

    /** How node i's owner shares persons with node j's participant. */
    static SharingMode mode(int i, int j) {
        return (i + j) % 2 == 0 ? SharingMode.FULL : SharingMode.HIT_ONLY;
    }

    /** Starts every node (three at a time), then gives each its accounts and its agreements. */
    void start() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(codes.size(), 3));
        try {
            List<Future<NodeServer>> futures = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                NodeSettings settings = settings(codes.get(i), i);
                futures.add(pool.submit(() -> NodeServer.start(settings)));
            }
            for (Future<NodeServer> f : futures) {
                nodes.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < codes.size(); i++) {
            NodeServer node = nodes.get(i);
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
                    node.putAgreement(
                            SharingAgreement.persons(
                                    new ParticipantCode(code), new ParticipantCode(codes.get(j)), mode(i, j)),
                            "admin");
                }
            }
        }
    }

    @Override
    public void close() {
        List<NodeServer> open = List.copyOf(nodes);
        nodes.clear();
        open.forEach(NodeServer::close);
    }

    private NodeSettings settings(String code, int i) {
        ParticipantCode p = new ParticipantCode(code);
        Path data = dir.resolve("nodes").resolve(code);
        return NodeSettings.of(
                p,
                new NodeStorage.Location.Embedded(data),
                portBase + i,
                new NodeSettings.Federation(
                        portBase + 100 + i,
                        NodeCredentials.keystoreFile(pki(), p),
                        password,
                        pki().resolve(FederationAuthority.CERTIFICATE_FILE),
                        pki().resolve(SignedDirectory.FILE),
                        data.resolve("directory-cache")));
    }

    /** A new authority, credentials and directory for this run; the directory's serial grows with time, so nodes adopt it over a cached one. */
    private void writeFederation() throws Exception {
        Path pki = pki();
        Clock clock = Clock.systemUTC();
        List<FederationSetup.Member> members = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            members.add(new FederationSetup.Member(
                    new ParticipantCode(codes.get(i)),
                    codes.get(i),
                    REGIONS.getOrDefault(codes.get(i), "global"),
                    URI.create("https://127.0.0.1:" + (portBase + 100 + i))));
        }
        FederationSetup.write(
                pki, "Concordia demo", members, password, clock.instant().getEpochSecond(), clock);
        for (String c : codes) {
            // A cached directory of an earlier run was signed by that run's authority.
            Path cache = dir.resolve("nodes").resolve(c).resolve("directory-cache");
            Files.deleteIfExists(cache.resolve(SignedDirectory.FILE));
            Files.deleteIfExists(SignedDirectory.signatureFile(cache.resolve(SignedDirectory.FILE)));
        }
    }

    /**
     * The records of a generated folder ({@link PeopleGenerator#RECORDS_FILE}) held by the given owners,
     * by owner, at most {@code perOwner} each (the first ones in file order); stops reading once every
     * owner has its share. Records of other owners are skipped without being decoded.
     */
    static Map<String, List<Record>> recordsByOwner(Path generated, Collection<String> owners, int perOwner)
            throws Exception {
        Map<String, List<Record>> out = new LinkedHashMap<>();
        Map<String, Integer> taken = new HashMap<>();
        RecordDecoder decoder = new RecordDecoder(null);
        int full = 0;
        try (BufferedReader in = Files.newBufferedReader(generated.resolve(PeopleGenerator.RECORDS_FILE))) {
            String line;
            while (full < owners.size() && (line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode json = JSON.readTree(line);
                String owner = json.path("owner").asText();
                if (!owners.contains(owner) || taken.getOrDefault(owner, 0) >= perOwner) {
                    continue;
                }
                if (decoder.decode(json) instanceof Decoded.Accepted a) {
                    out.computeIfAbsent(a.record().owner().value(), k -> new ArrayList<>())
                            .add(a.record());
                    if (taken.merge(owner, 1, Integer::sum) == perOwner) {
                        full++;
                    }
                }
            }
        }
        return out;
    }

    static String randomPassword(int length) {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
