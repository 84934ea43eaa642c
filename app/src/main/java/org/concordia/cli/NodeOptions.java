package org.concordia.cli;

import picocli.CommandLine.Option;

/** Where a command reaches a running node and as whom (an account of that node). */
final class NodeOptions {
    @Option(
            names = "--node",
            required = true,
            paramLabel = "URL",
            description = "The node's user API, e.g. http://127.0.0.1:8080")
    String node;

    @Option(names = "--user", required = true, paramLabel = "U")
    String user;

    @Option(names = "--password", required = true, paramLabel = "P", arity = "0..1", interactive = true)
    String password;

    NodeClient client() {
        return new NodeClient(node, user, password == null ? "" : password);
    }
}
