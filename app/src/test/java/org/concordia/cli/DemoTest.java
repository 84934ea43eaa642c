package org.concordia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.concordia.cli.CliTest.Run;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("federation")
class DemoTest {
    @TempDir
    Path dir;

    /** A base P with P..P+n-1 and P+100..P+100+n-1 free now. */
    static int freePortBase(int n) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            List<ServerSocket> held = new ArrayList<>();
            boolean ok = true;
            try {
                for (int i = 0; i < n && ok; i++) {
                    held.add(new ServerSocket(base + i));
                    held.add(new ServerSocket(base + 100 + i));
                }
            } catch (IOException e) {
                ok = false;
            } finally {
                for (ServerSocket s : held) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        // closing a probe
                    }
                }
            }
            if (ok) {
                return base;
            }
        }
        throw new IllegalStateException("no free ports");
    }

    @Test
    void theDemoStartsAFederationWritesItsAccountsAndFindsOnePersonAcrossNodesAndScripts() throws Exception {
        int base = freePortBase(3);
        Run r = CliTest.run(
                "demo",
                "--dir",
                dir.toString(),
                "--people",
                "300",
                "--nodes",
                "3",
                "--port-base",
                "" + base,
                "--no-serve");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode demo = new ObjectMapper().readTree(Files.readString(dir.resolve("demo.json")));
        assertThat(demo.path("nodes")).hasSize(3);
        JsonNode first = demo.path("nodes").get(0);
        assertThat(first.path("participant").asText()).isEqualTo("INTERPOL");
        assertThat(first.path("url").asText()).isEqualTo("http://127.0.0.1:" + base);
        assertThat(first.path("accounts"))
                .extracting(a -> a.path("role").asText())
                .containsExactly("officer", "analyst", "dpo", "admin", "releaser");
        assertThat(r.out()).contains("EUROPOL", "AFRIPOL");
        String search = r.out().substring(r.out().indexOf("Searching from INTERPOL"));
        assertThat(search)
                .containsPattern("EUROPOL +(hit|hit-only|no-hit)")
                .containsPattern("AFRIPOL +(hit|hit-only|no-hit)");
        assertThat(search).containsPattern("\\n[1-9]\\d* full hits are this person");
        String alert = r.out().substring(r.out().indexOf("Publishing a wanted-person alert"));
        assertThat(alert).containsPattern("\\n[1-9]\\d* hits on alert ");
        assertThat(Files.readString(dir.resolve("demo-alert.json"))).contains("\"type\" : \"wanted\"");
    }

    @Test
    void tooManyNodesIsWrongUsage() {
        Run r = CliTest.run("demo", "--dir", dir.toString(), "--nodes", "9", "--no-serve");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("invalid_value");
    }
}
