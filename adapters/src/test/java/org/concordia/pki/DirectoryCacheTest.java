package org.concordia.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.pki.TestFederation.CLOCK;
import static org.concordia.pki.TestFederation.EUROPOL;
import static org.concordia.pki.TestFederation.INTERPOL;
import static org.concordia.pki.TestFederation.NOW;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.concordia.federation.Directory;
import org.concordia.pki.DirectoryCache.Failure;
import org.concordia.pki.DirectoryCache.KeptCached;
import org.concordia.pki.DirectoryCache.Unavailable;
import org.concordia.pki.DirectoryCache.Unchanged;
import org.concordia.pki.DirectoryCache.Updated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryCacheTest {
    static final TestFederation FEDERATION = new TestFederation(CLOCK, INTERPOL, EUROPOL);

    @TempDir
    Path published;

    @TempDir
    Path cacheDir;

    Path source() {
        return published.resolve("directory.json");
    }

    DirectoryCache cache() {
        return new DirectoryCache(DirectorySource.file(source()), cacheDir, FEDERATION.authority.certificate(), CLOCK);
    }

    void publish(Directory d) throws IOException {
        SignedDirectory.write(d, FEDERATION.authority, source());
    }

    Directory serial(long serial) {
        Directory d = FEDERATION.directory;
        return new Directory(serial, NOW, Optional.empty(), d.participants(), d.revokedSerials());
    }

    @Test
    void adoptsAndCachesAVerifiedDirectory() throws IOException {
        publish(serial(1));
        DirectoryCache cache = cache();
        assertThat(cache.current()).isEmpty();
        assertThat(cache.refresh()).isEqualTo(new Updated(serial(1), Optional.empty()));
        assertThat(cache.current()).contains(serial(1));
        assertThat(cacheDir.resolve("directory.json")).hasSameBinaryContentAs(source());
        assertThat(cacheDir.resolve("directory.json.sig")).exists();
        assertThat(cache.refresh()).isEqualTo(new Unchanged(serial(1)));
    }

    @Test
    void adoptsAHigherSerial() throws IOException {
        publish(serial(1));
        DirectoryCache cache = cache();
        cache.refresh();
        publish(serial(2));
        assertThat(cache.refresh()).isInstanceOf(Updated.class);
        assertThat(cache.current().orElseThrow().serial()).isEqualTo(2);
    }

    @Test
    void refusesAnOlderSerialAndKeepsServingTheNewer() throws IOException {
        publish(serial(5));
        DirectoryCache cache = cache();
        cache.refresh();
        publish(serial(4));
        var refresh = cache.refresh();
        assertThat(refresh).isInstanceOf(KeptCached.class);
        assertThat(((KeptCached) refresh).failure()).isEqualTo(Failure.OLDER_SERIAL);
        assertThat(((KeptCached) refresh).failure().code().code()).isEqualTo("directory_invalid");
        assertThat(cache.current().orElseThrow().serial()).isEqualTo(5);
    }

    @Test
    void refusesADifferentDirectoryUnderTheSameSerial() throws IOException {
        publish(serial(3));
        DirectoryCache cache = cache();
        cache.refresh();
        publish(serial(3).revoking("abc", 3, NOW));
        assertThat(cache.refresh()).isInstanceOf(KeptCached.class);
        assertThat(((KeptCached) cache.refresh()).failure()).isEqualTo(Failure.CONFLICTING_SERIAL);
    }

    @Test
    void refusesATamperedFileAndKeepsTheVerifiedCopy() throws IOException {
        publish(serial(1));
        DirectoryCache cache = cache();
        cache.refresh();
        publish(serial(2));
        Files.writeString(
                source(),
                Files.readString(source(), StandardCharsets.UTF_8).replace("\"serial\" : 2", "\"serial\" : 3"));
        var refresh = cache.refresh();
        assertThat(refresh).isInstanceOf(KeptCached.class);
        assertThat(((KeptCached) refresh).failure()).isEqualTo(Failure.INVALID);
        assertThat(cache.current()).contains(serial(1));
    }

    @Test
    void refusesADirectoryPastItsValidUntil() throws IOException {
        Directory d = FEDERATION.directory;
        publish(new Directory(
                1,
                NOW.minus(Duration.ofDays(2)),
                Optional.of(NOW.minus(Duration.ofDays(1))),
                d.participants(),
                d.revokedSerials()));
        var refresh = cache().refresh();
        assertThat(refresh).isInstanceOf(Unavailable.class);
        assertThat(((Unavailable) refresh).failure()).isEqualTo(Failure.EXPIRED);
    }

    @Test
    void whenTheSourceIsUnreachableANewCacheServesTheLastVerifiedCopy() throws IOException {
        publish(serial(7));
        cache().refresh();
        Files.delete(source());

        DirectoryCache restarted = cache();
        assertThat(restarted.current()).contains(serial(7));
        var refresh = restarted.refresh();
        assertThat(refresh).isInstanceOf(KeptCached.class);
        assertThat(((KeptCached) refresh).failure()).isEqualTo(Failure.SOURCE_UNREACHABLE);
        assertThat(refresh.directory()).contains(serial(7));
    }

    @Test
    void withNeitherSourceNorCacheNothingIsServed() {
        var refresh = cache().refresh();
        assertThat(refresh).isInstanceOf(Unavailable.class);
        assertThat(((Unavailable) refresh).failure()).isEqualTo(Failure.SOURCE_UNREACHABLE);
        assertThat(refresh.directory()).isEmpty();
    }

    @Test
    void aTamperedCacheIsNotServed() throws IOException {
        publish(serial(1));
        cache().refresh();
        Path cached = cacheDir.resolve("directory.json");
        Files.writeString(cached, Files.readString(cached).replace("\"serial\" : 1", "\"serial\" : 9"));
        assertThat(cache().current()).isEmpty();
    }
}
