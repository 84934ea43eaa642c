package org.concordia.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.concordia.audit.AuditCheckpoint;
import org.concordia.audit.AuditEntry;
import org.concordia.audit.AuditEvent;
import org.concordia.audit.AuditVerification;
import org.concordia.audit.AuditVerifier;
import org.concordia.audit.CheckpointVerifier;
import org.concordia.audit.UnreadableAuditEntryException;
import org.concordia.json.AuditEntryJson;
import org.concordia.port.AuditLog;
import org.concordia.port.StoreException;
import org.concordia.store.NodeStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Checks and lists the node's tamper-evident audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListEntries.class})
final class AuditCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Checks the node's audit log offline: recomputes the hash chain and checks the signed checkpoints,",
                "and names the first entry that was altered, removed or reordered.",
                "Exit 0: intact; 1: broken; 2: the store or the certificate cannot be read."
            })
    static final class Verify implements Callable<Integer> {
        @Mixin
        StorageOptions storage;

        @Option(
                names = "--certificate",
                paramLabel = "NODE_CERT.pem",
                description = "The node's X.509 certificate (PEM or DER): checkpoint signatures are verified with its"
                        + " EC public key. Without it, checkpoints are compared with the chain but their signatures"
                        + " are not verified.")
        Path certificate;

        @Option(
                names = "--clock-tolerance",
                paramLabel = "SECONDS",
                description = "How far an entry's time may lie before the previous entry's. Default: ${DEFAULT-VALUE}.",
                defaultValue = "60")
        long clockToleranceSeconds;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (clockToleranceSeconds < 0) {
                err.println("error invalid_value: --clock-tolerance cannot be negative");
                return ConcordiaCli.USAGE;
            }
            CheckpointVerifier signatures = null;
            if (certificate != null) {
                try {
                    signatures = CheckpointVerifier.of(publicKey(certificate));
                } catch (IOException | CertificateException | IllegalArgumentException e) {
                    err.println("error: cannot use the certificate " + certificate + " to verify checkpoints ("
                            + e.getClass().getSimpleName()
                            + (e instanceof IllegalArgumentException ? ": " + e.getMessage() : "")
                            + ")");
                    return ConcordiaCli.USAGE;
                }
            }
            AuditVerifier verifier = new AuditVerifier(Duration.ofSeconds(clockToleranceSeconds));
            AuditVerification result;
            try (NodeStorage node = storage.open()) {
                AuditLog log = node.audit();
                // checkpoints first: every checkpoint then names an entry the read of the entries sees
                List<AuditCheckpoint> checkpoints = log.checkpoints();
                try (Stream<AuditEntry> entries = log.entries()) {
                    Iterator<AuditEntry> it = entries.iterator();
                    result = signatures == null
                            ? verifier.verifyWithoutSignatures(it, checkpoints)
                            : verifier.verify(it, checkpoints, signatures);
                }
            } catch (RuntimeException e) {
                err.println(unreadable(storage, e));
                return ConcordiaCli.USAGE;
            }
            return switch (result) {
                case AuditVerification.Intact i -> {
                    out.printf(
                            "audit log intact: %d entries, last sequence %d, %d checkpoints verified%n",
                            i.entries(), i.lastSequence(), i.checkpointsVerified());
                    if (signatures == null) {
                        out.printf(
                                "checkpoints not verified: %d match the chain, but without --certificate their"
                                        + " signatures were not checked, so a log rebuilt with forged checkpoints would"
                                        + " also pass%n",
                                i.checkpointsUnverified());
                    }
                    out.println("last hash " + i.lastHash().hex());
                    out.flush();
                    yield ConcordiaCli.OK;
                }
                case AuditVerification.Broken b -> {
                    out.printf(
                            "audit log broken at entry %d: %s (%s)%n",
                            b.sequence(), b.code().code(), b.explanation());
                    out.flush();
                    yield ConcordiaCli.PROBLEMS;
                }
            };
        }

        private static PublicKey publicKey(Path pem) throws IOException, CertificateException {
            try (InputStream in = Files.newInputStream(pem)) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(in)
                        .getPublicKey();
            }
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "Prints the audit log's entries in the order stored: ids, codes and hashes (entries hold no personal data).",
                "Exit 0: every entry printed; 1: some stored rows cannot be read back (run audit verify);"
                        + " 2: the store cannot be read."
            })
    static final class ListEntries implements Callable<Integer> {
        @Mixin
        StorageOptions storage;

        @Option(
                names = "--from",
                paramLabel = "S",
                description = "First sequence to print. Default: ${DEFAULT-VALUE}.",
                defaultValue = "1")
        long from;

        @Option(names = "--json", description = "One JSON object per entry and line.")
        boolean json;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int unreadable = 0;
            try (NodeStorage node = storage.open();
                    Stream<AuditEntry> entries = node.audit().entries(from)) {
                if (!json) {
                    out.println("sequence\tat\taction\tactor\tactor_role\tparticipant\tpurpose\toutcome\trecord_ids"
                            + "\tterm_hashes\tdetails\thash");
                }
                Iterator<AuditEntry> it = entries.iterator();
                while (true) {
                    AuditEntry e;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        e = it.next();
                    } catch (UnreadableAuditEntryException x) {
                        err.println("entry " + x.sequence() + " cannot be read back: run audit verify");
                        unreadable++;
                        continue;
                    }
                    out.println(json ? AuditEntryJson.toJson(e) : line(e));
                }
                out.flush();
            } catch (RuntimeException e) {
                err.println(unreadable(storage, e));
                return ConcordiaCli.USAGE;
            }
            return unreadable == 0 ? ConcordiaCli.OK : ConcordiaCli.PROBLEMS;
        }

        private static String line(AuditEntry entry) {
            AuditEvent e = entry.event();
            return String.join(
                    "\t",
                    Long.toString(entry.sequence()),
                    e.at().toString(),
                    e.action().name(),
                    e.actor(),
                    orDash(e.actorRole()),
                    orDash(e.participant()),
                    orDash(e.purpose()),
                    e.outcome(),
                    e.recordIds().isEmpty() ? "-" : String.join(",", e.recordIds()),
                    e.termHashes().isEmpty() ? "-" : String.join(",", e.termHashes()),
                    e.details().isEmpty()
                            ? "-"
                            : String.join(
                                    ",",
                                    e.details().entrySet().stream()
                                            .map(d -> d.getKey() + "=" + d.getValue())
                                            .toList()),
                    entry.hash().hex());
        }

        private static String orDash(String s) {
            return s == null ? "-" : s;
        }
    }

    /** Infrastructure failures: what failed, by class and store message (ids and codes only), no stack trace. */
    private static String unreadable(StorageOptions storage, RuntimeException e) {
        return "error: cannot read the audit log from the " + storage.describe() + ": "
                + (e instanceof StoreException ? e.getMessage() : e.getClass().getSimpleName());
    }
}
