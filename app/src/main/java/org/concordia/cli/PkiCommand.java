package org.concordia.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.concordia.federation.Directory;
import org.concordia.federation.Participant;
import org.concordia.model.ParticipantCode;
import org.concordia.pki.Certificates;
import org.concordia.pki.FederationAuthority;
import org.concordia.pki.NodeCredentials;
import org.concordia.pki.Pem;
import org.concordia.pki.SignedDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code concordia pki}: the federation authority's tasks on a directory of files ({@code
 * authority.p12}, {@code ca.pem}, {@code <CODE>.p12}, {@code <CODE>.pem}, {@code directory.json},
 * {@code directory.json.sig}). Exit codes: 0 done, 1 a problem with the files found, 2 wrong usage.
 */
@Command(
        name = "pki",
        mixinStandardHelpOptions = true,
        description = {
            "The federation's authority: creates it, issues node credentials, revokes them,",
            "and signs the directory every node trusts."
        },
        subcommands = {PkiCommand.Init.class, PkiCommand.Issue.class, PkiCommand.Revoke.class})
final class PkiCommand implements Runnable {
    static final int FIRST_PORT = 8443;
    private static final String DEMO_PASSWORD = "changeit";

    /** Names and regions of well-known participants, used when none is given. */
    private static final Map<String, String[]> KNOWN = Map.of(
            "INTERPOL", new String[] {"International Criminal Police Organization", "Global"},
            "EUROPOL", new String[] {"European Union Agency for Law Enforcement Cooperation", "Europe"},
            "AFRIPOL", new String[] {"African Union Mechanism for Police Cooperation", "Africa"},
            "AMERIPOL", new String[] {"Police Community of the Americas", "Americas"},
            "ASEANAPOL", new String[] {"ASEAN Chiefs of National Police", "South-East Asia"},
            "GCCPOL", new String[] {"GCC Police", "Gulf"});

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every subcommand takes. */
    static class AuthorityFiles {
        @Option(
                names = "--dir",
                required = true,
                paramLabel = "DIR",
                description = "The authority's directory of files.")
        Path dir;

        @Option(
                names = "--password",
                paramLabel = "P",
                defaultValue = "${env:CONCORDIA_PKI_PASSWORD}",
                description = "Password of the PKCS#12 files (default: $CONCORDIA_PKI_PASSWORD, else a demo password).")
        String password;

        char[] password(PrintWriter err) {
            if (password == null || password.isEmpty()) {
                err.println("warning: no --password: the key stores are protected by the demo password '"
                        + DEMO_PASSWORD + "'; anyone who copies them can use the keys");
                return DEMO_PASSWORD.toCharArray();
            }
            return password.toCharArray();
        }

        Path json() {
            return dir.resolve(SignedDirectory.FILE);
        }
    }

    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = {
                "Creates the federation authority in DIR, one node credential per participant",
                "(<CODE>.p12 with key and chain, <CODE>.pem) and a signed directory listing them all.",
                "Refuses a DIR that already holds an authority."
            })
    static final class Init implements Callable<Integer> {
        @CommandLine.Mixin
        AuthorityFiles files;

        @Option(
                names = "--participants",
                required = true,
                split = ",",
                paramLabel = "CODE",
                description = "Participant codes, for example INTERPOL,EUROPOL,AFRIPOL.")
        List<String> participants;

        @Option(
                names = "--name",
                paramLabel = "FEDERATION",
                defaultValue = "Concordia",
                description = "The federation's name, in the authority's certificate. Default: ${DEFAULT-VALUE}.")
        String name;

        @Option(
                names = "--endpoint",
                paramLabel = "CODE=URL",
                description = "A node's federation URL (default https://127.0.0.1:<8443+i>, i its position).")
        Map<String, String> endpoints = new LinkedHashMap<>();

        @Option(
                names = "--directory-days",
                paramLabel = "N",
                defaultValue = "365",
                description = "Days the directory is valid; 0 for no expiry. Default: ${DEFAULT-VALUE}.")
        int directoryDays;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<ParticipantCode> codes = new ArrayList<>();
            for (String p : participants) {
                ParticipantCode code = ParticipantCode.parse(p);
                if (code == null || codes.contains(code)) {
                    err.println("error invalid_value: --participants must be distinct participant codes");
                    return ConcordiaCli.USAGE;
                }
                codes.add(code);
            }
            Map<ParticipantCode, URI> urls = new LinkedHashMap<>();
            for (var e : endpoints.entrySet()) {
                ParticipantCode code = ParticipantCode.parse(e.getKey());
                Optional<URI> url = endpoint(e.getValue());
                if (code == null || !codes.contains(code) || url.isEmpty()) {
                    err.println(
                            "error invalid_value: --endpoint must be CODE=https://host:port for a listed participant");
                    return ConcordiaCli.USAGE;
                }
                urls.put(code, url.get());
            }
            if (directoryDays < 0 || name.isBlank()) {
                err.println("error invalid_value: --directory-days must be 0 or more and --name not blank");
                return ConcordiaCli.USAGE;
            }
            if (Files.exists(files.dir.resolve(FederationAuthority.KEYSTORE_FILE))) {
                err.println(
                        "error: " + files.dir + " already holds an authority; use 'pki issue' to add a participant");
                return ConcordiaCli.USAGE;
            }
            char[] password = files.password(err);
            Clock clock = Clock.systemUTC();
            FederationAuthority authority = FederationAuthority.create(name, clock);
            authority.save(files.dir, password);
            out.printf(
                    "wrote %s and %s: %s, valid until %s%n",
                    files.dir.resolve(FederationAuthority.KEYSTORE_FILE),
                    FederationAuthority.CERTIFICATE_FILE,
                    authority.certificate().getSubjectX500Principal().getName(),
                    authority.certificate().getNotAfter().toInstant());
            List<Participant> entries = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                ParticipantCode code = codes.get(i);
                URI url = urls.getOrDefault(code, defaultEndpoint(i));
                entries.add(issueAndSave(authority, code, null, null, url, List.of(), files.dir, password, clock, out));
            }
            Instant now = clock.instant();
            Optional<Instant> until =
                    directoryDays == 0 ? Optional.empty() : Optional.of(now.plus(Duration.ofDays(directoryDays)));
            Directory directory = new Directory(1, now, until, entries, Set.of());
            SignedDirectory.write(directory, authority, files.json());
            printDirectory(out, files.json(), directory);
            out.flush();
            return ConcordiaCli.OK;
        }
    }

    @Command(
            name = "issue",
            mixinStandardHelpOptions = true,
            description = {
                "Issues a node credential for a participant and re-signs the directory with it",
                "(a higher serial). A listed participant is refused unless --renew is given, which",
                "also revokes its previous certificate."
            })
    static final class Issue implements Callable<Integer> {
        @CommandLine.Mixin
        AuthorityFiles files;

        @Option(names = "--participant", required = true, paramLabel = "CODE", description = "The participant code.")
        String participant;

        @Option(names = "--organisation", paramLabel = "NAME", description = "The organisation's name.")
        String organisation;

        @Option(names = "--region", paramLabel = "REGION", description = "Where it works.")
        String region;

        @Option(
                names = "--endpoint",
                paramLabel = "URL",
                description = "Its node's federation URL (default https://127.0.0.1:<8443+i>).")
        String endpoint;

        @Option(
                names = "--hostname",
                paramLabel = "HOST",
                description = "A further DNS name or IP address of the node, for its certificate.")
        List<String> hostnames = new ArrayList<>();

        @Option(names = "--renew", description = "Replace a listed participant's certificate, revoking the old one.")
        boolean renew;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ParticipantCode code = ParticipantCode.parse(participant);
            Optional<URI> url = endpoint == null ? Optional.empty() : endpoint(endpoint);
            if (code == null || (endpoint != null && url.isEmpty())) {
                err.println(
                        "error invalid_value: --participant must be a participant code and --endpoint https://host:port");
                return ConcordiaCli.USAGE;
            }
            char[] password = files.password(err);
            Authority a = Authority.open(files, password, err);
            if (a == null) {
                return ConcordiaCli.PROBLEMS;
            }
            Optional<Participant> listed = a.directory.participant(code);
            if (listed.isPresent() && !renew) {
                err.println("error: " + code + " is already listed; --renew replaces its certificate");
                return ConcordiaCli.USAGE;
            }
            Clock clock = Clock.systemUTC();
            Instant now = clock.instant();
            Directory base = a.directory;
            if (listed.isPresent()) {
                String old = serialOf(listed.get());
                base = base.revoking(old, base.serial(), base.issuedAt());
                out.printf("revoking %s's previous certificate, serial %s%n", code, old);
            }
            URI chosen = url.orElseGet(() -> listed.map(Participant::endpoint)
                    .orElse(defaultEndpoint(a.directory.participants().size())));
            Participant entry = issueAndSave(
                    a.authority,
                    code,
                    organisation != null
                            ? organisation
                            : listed.map(Participant::name).orElse(null),
                    region != null ? region : listed.map(Participant::region).orElse(null),
                    chosen,
                    hostnames,
                    files.dir,
                    password,
                    clock,
                    out);
            Directory next = base.with(entry, a.directory.serial() + 1, now);
            SignedDirectory.write(next, a.authority, files.json());
            printDirectory(out, files.json(), next);
            out.flush();
            return ConcordiaCli.OK;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = {
                "Revokes a participant's certificate: adds its serial to the directory's revoked",
                "serials and re-signs the directory with a higher serial. The participant stays listed,",
                "so nodes refuse it with certificate_revoked until 'pki issue --renew'."
            })
    static final class Revoke implements Callable<Integer> {
        @CommandLine.Mixin
        AuthorityFiles files;

        @Option(names = "--participant", required = true, paramLabel = "CODE", description = "The participant code.")
        String participant;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ParticipantCode code = ParticipantCode.parse(participant);
            if (code == null) {
                err.println("error invalid_value: --participant must be a participant code");
                return ConcordiaCli.USAGE;
            }
            Authority a = Authority.open(files, files.password(err), err);
            if (a == null) {
                return ConcordiaCli.PROBLEMS;
            }
            Optional<Participant> listed = a.directory.participant(code);
            if (listed.isEmpty()) {
                err.println("error unknown_participant: the directory does not list " + code);
                return ConcordiaCli.PROBLEMS;
            }
            String serial = serialOf(listed.get());
            if (a.directory.isRevoked(serial)) {
                out.printf("%s's certificate, serial %s, is already revoked; directory unchanged%n", code, serial);
                out.flush();
                return ConcordiaCli.OK;
            }
            Directory next = a.directory.revoking(
                    serial, a.directory.serial() + 1, Clock.systemUTC().instant());
            SignedDirectory.write(next, a.authority, files.json());
            out.printf("revoked %s's certificate, serial %s%n", code, serial);
            printDirectory(out, files.json(), next);
            out.flush();
            return ConcordiaCli.OK;
        }
    }

    /** The authority and the directory it signed, both read and checked. */
    private record Authority(FederationAuthority authority, Directory directory) {
        /** {@code null} after saying on {@code err} what is wrong. */
        static Authority open(AuthorityFiles files, char[] password, PrintWriter err) {
            FederationAuthority authority;
            byte[] json;
            byte[] signature;
            try {
                authority = FederationAuthority.load(files.dir, password);
            } catch (IOException e) {
                err.println("error: cannot open the authority in " + files.dir + " (wrong password or no 'pki init')");
                return null;
            }
            try {
                json = Files.readAllBytes(files.json());
                signature = Files.readAllBytes(SignedDirectory.signatureFile(files.json()));
            } catch (IOException e) {
                err.println("error directory_invalid: cannot read " + files.json() + " and its signature");
                return null;
            }
            return switch (SignedDirectory.open(json, signature, authority.certificate())) {
                case SignedDirectory.Valid v -> new Authority(authority, v.directory());
                case SignedDirectory.Invalid i -> {
                    err.println("error directory_invalid: " + i.reason());
                    yield null;
                }
            };
        }
    }

    private static Participant issueAndSave(
            FederationAuthority authority,
            ParticipantCode code,
            String organisation,
            String region,
            URI endpoint,
            List<String> hostnames,
            Path dir,
            char[] password,
            Clock clock,
            PrintWriter out)
            throws IOException {
        String[] known = KNOWN.getOrDefault(code.value(), new String[] {code.value(), ""});
        String orgName = organisation != null && !organisation.isBlank() ? organisation : known[0];
        List<String> names = new ArrayList<>(hostnames);
        names.add(endpoint.getHost().replaceAll("^\\[|]$", "")); // the certificate must cover the endpoint's host
        NodeCredentials node = authority.issue(code, orgName, names, clock);
        node.save(dir, password);
        out.printf(
                "wrote %s and %s: serial %s, valid until %s, endpoint %s%n",
                NodeCredentials.keystoreFile(dir, code),
                NodeCredentials.certificateFile(dir, code).getFileName(),
                Certificates.serialHex(node.certificate()),
                node.certificate().getNotAfter().toInstant(),
                endpoint);
        return new Participant(
                code,
                orgName,
                region != null ? region : known[1],
                endpoint,
                node.certificatePem(),
                Set.of("search", "messages"),
                node.encryption().map(k -> org.concordia.federation.EncryptionKey.of(k.publicKey())));
    }

    private static void printDirectory(PrintWriter out, Path json, Directory d) {
        out.printf(
                "wrote %s and %s: serial %d, %d participants, %d revoked, valid until %s%n",
                json,
                SignedDirectory.signatureFile(json).getFileName(),
                d.serial(),
                d.participants().size(),
                d.revokedSerials().size(),
                d.validUntil().map(Instant::toString).orElse("(no expiry)"));
    }

    private static String serialOf(Participant p) {
        try {
            return Certificates.serialHex(Pem.decode(p.certificatePem()));
        } catch (CertificateException e) {
            throw new IllegalStateException("the directory's certificate of " + p.code() + " is unreadable", e);
        }
    }

    private static URI defaultEndpoint(int index) {
        return URI.create("https://127.0.0.1:" + (FIRST_PORT + index));
    }

    private static Optional<URI> endpoint(String text) {
        try {
            URI uri = new URI(text);
            return "https".equalsIgnoreCase(uri.getScheme())
                            && uri.getHost() != null
                            && uri.getRawQuery() == null
                            && uri.getRawFragment() == null
                    ? Optional.of(uri)
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
