package org.concordia.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.concordia.federation.Directory;
import org.concordia.problem.ErrorCode;

/**
 * A node's copy of the federation directory. {@link #refresh()} fetches the directory from its
 * source, checks the authority's signature ({@link SignedDirectory}), refuses a copy older than the
 * one held (a lower serial: a rollback that would bring back a revoked certificate), a different copy
 * under the same serial, and one past its {@code validUntil}; a copy that passes is written to the
 * cache directory and served. When the source is unreachable or its copy is refused, the last
 * verified copy keeps being served, and the outcome says so.
 *
 * <p>The cache directory holds {@code directory.json} and {@code directory.json.sig} as fetched; at
 * construction they are checked again (signature only: an expired cached copy is still the best the
 * node has) and served when they pass. Thread-safe: refreshes are serialised, {@link #current()} never
 * blocks.
 */
public final class DirectoryCache {
    private final DirectorySource source;
    private final Path cacheFile;
    private final X509Certificate authority;
    private final Clock clock;
    private final Object refreshLock = new Object();
    private volatile Held held;

    private record Held(Directory directory, byte[] json) {}

    /**
     * @param cacheDir where the verified copy is kept; created when missing
     * @param authority the federation authority's certificate, the only key a directory may be signed
     *     with
     */
    public DirectoryCache(DirectorySource source, Path cacheDir, X509Certificate authority, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.cacheFile = cacheDir.resolve(SignedDirectory.FILE);
        this.authority = Objects.requireNonNull(authority, "authority");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.held = readCache();
    }

    /** The directory served now: the last verified copy; empty before any copy was verified. */
    public Optional<Directory> current() {
        Held h = held;
        return h == null ? Optional.empty() : Optional.of(h.directory());
    }

    /** Fetches, checks and, when it passes, adopts and caches the source's copy. Never throws for a bad or missing copy. */
    public Refresh refresh() {
        synchronized (refreshLock) {
            SignedDirectory.Signed fetched;
            try {
                fetched = source.fetch();
            } catch (IOException e) {
                return keep(
                        Failure.SOURCE_UNREACHABLE,
                        "cannot read " + source.describe() + " (" + e.getClass().getSimpleName() + ")");
            }
            Directory candidate;
            switch (SignedDirectory.open(fetched.json(), fetched.signature(), authority)) {
                case SignedDirectory.Invalid invalid -> {
                    return keep(Failure.INVALID, invalid.reason());
                }
                case SignedDirectory.Valid valid -> candidate = valid.directory();
            }
            if (!candidate.isCurrentAt(clock.instant())) {
                return keep(Failure.EXPIRED, "the directory's validUntil has passed");
            }
            Held now = held;
            if (now != null) {
                long cached = now.directory().serial();
                if (candidate.serial() < cached) {
                    return keep(
                            Failure.OLDER_SERIAL, "serial " + candidate.serial() + " is lower than the held " + cached);
                }
                if (candidate.serial() == cached) {
                    return Arrays.equals(now.json(), fetched.json())
                            ? new Unchanged(now.directory())
                            : keep(Failure.CONFLICTING_SERIAL, "a different directory under the held serial " + cached);
                }
            }
            try {
                fetched.writeTo(cacheFile);
            } catch (IOException e) {
                // the copy is verified: serve it, and say the cache could not keep it
                held = new Held(candidate, fetched.json());
                return new Updated(
                        candidate,
                        Optional.of("cannot write the cache (" + e.getClass().getSimpleName() + ")"));
            }
            held = new Held(candidate, fetched.json());
            return new Updated(candidate, Optional.empty());
        }
    }

    private Refresh keep(Failure failure, String reason) {
        Held h = held;
        return h == null ? new Unavailable(failure, reason) : new KeptCached(h.directory(), failure, reason);
    }

    private Held readCache() {
        Path sig = SignedDirectory.signatureFile(cacheFile);
        if (!Files.isRegularFile(cacheFile) || !Files.isRegularFile(sig)) {
            return null;
        }
        try {
            byte[] json = Files.readAllBytes(cacheFile);
            return switch (SignedDirectory.open(json, Files.readAllBytes(sig), authority)) {
                case SignedDirectory.Valid v -> new Held(v.directory(), json);
                case SignedDirectory.Invalid i -> null;
            };
        } catch (IOException e) {
            return null;
        }
    }

    /** Why a fetched copy was not adopted. Each is reported with {@link ErrorCode#DIRECTORY_INVALID}. */
    public enum Failure {
        /** The source could not be reached or read. */
        SOURCE_UNREACHABLE,
        /** Malformed, or its signature does not verify against the authority. */
        INVALID,
        /** Past its {@code validUntil}. */
        EXPIRED,
        /** A lower serial than the held copy's. */
        OLDER_SERIAL,
        /** The held copy's serial with different content. */
        CONFLICTING_SERIAL;

        public ErrorCode code() {
            return ErrorCode.DIRECTORY_INVALID;
        }
    }

    /** What a {@link #refresh()} did. */
    public sealed interface Refresh {
        /** The directory served after the refresh, if any. */
        Optional<Directory> directory();
    }

    /**
     * A newer copy was verified and is now served.
     *
     * @param cacheWarning present when it could not be written to the cache directory
     */
    public record Updated(Directory current, Optional<String> cacheWarning) implements Refresh {
        @Override
        public Optional<Directory> directory() {
            return Optional.of(current);
        }
    }

    /** The source holds the copy already served. */
    public record Unchanged(Directory current) implements Refresh {
        @Override
        public Optional<Directory> directory() {
            return Optional.of(current);
        }
    }

    /** The source's copy was not adopted; the last verified copy is still served. */
    public record KeptCached(Directory current, Failure failure, String reason) implements Refresh {
        @Override
        public Optional<Directory> directory() {
            return Optional.of(current);
        }
    }

    /** The source's copy was not adopted and there is no verified copy to serve. */
    public record Unavailable(Failure failure, String reason) implements Refresh {
        @Override
        public Optional<Directory> directory() {
            return Optional.empty();
        }
    }
}
