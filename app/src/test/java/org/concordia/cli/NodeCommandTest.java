package org.concordia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.concordia.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeCommandTest {
    @TempDir
    Path dir;

    @Test
    void aConfigurationWithProblemsNamesEachSettingAndItsConsequence() throws Exception {
        Path config = dir.resolve("node.properties");
        Files.writeString(config, """
                concordia.node.participant=Europol Police
                concordia.node.user-port=eighty
                concordia.node.federation.port=8443
                concordia.node.federation.key-store=/nonexistent/EUROPOL.p12
                concordia.node.search.deadline=2 seconds
                """);

        Run r = CliTest.run("node", "--config", config.toString(), "--check");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains("invalid_configuration")
                .contains("concordia.node.participant is not a participant code")
                .contains("concordia.node.user-port is not a whole number")
                .contains("key-store-password-env does not name a set environment variable")
                .contains("cannot be read: the node could not prove its identity")
                .contains("concordia.node.search.deadline is not an ISO 8601 duration")
                .contains("storage is missing");
    }

    @Test
    void aNodeAloneWithAnEmbeddedStoreIsValid() throws Exception {
        Path config = dir.resolve("node.properties");
        Files.writeString(
                config, "concordia.node.participant=EUROPOL\nconcordia.node.data=" + dir.resolve("data") + "\n");

        Run r = CliTest.run("node", "--config", config.toString(), "--check");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("configuration valid: node EUROPOL (alone, no federation)");
    }
}
