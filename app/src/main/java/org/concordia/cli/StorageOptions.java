package org.concordia.cli;

import java.nio.file.Path;
import org.concordia.store.NodeStorage;
import picocli.CommandLine.Option;

/** Where a command finds the node's store: the embedded default in a data directory, or an external PostgreSQL. */
final class StorageOptions {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "The node's data directory (embedded store). Default: ${DEFAULT-VALUE}.",
            defaultValue = "${sys:user.home}/.concordia/data")
    Path data;

    @Option(
            names = "--jdbc-url",
            paramLabel = "URL",
            description =
                    "Use this external PostgreSQL instead of the embedded store, e.g. jdbc:postgresql://host:5432/concordia.")
    String jdbcUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "User for --jdbc-url.")
    String dbUser;

    @Option(
            names = "--db-password-env",
            paramLabel = "VAR",
            description = "Environment variable holding the password for --jdbc-url (default: ${DEFAULT-VALUE}).",
            defaultValue = "CONCORDIA_DB_PASSWORD")
    String dbPasswordEnv;

    NodeStorage open() {
        if (jdbcUrl != null) {
            return NodeStorage.open(new NodeStorage.Location.External(jdbcUrl, dbUser, System.getenv(dbPasswordEnv)));
        }
        return NodeStorage.open(new NodeStorage.Location.Embedded(data));
    }

    String describe() {
        return jdbcUrl != null ? "external PostgreSQL" : "embedded store in " + data;
    }
}
