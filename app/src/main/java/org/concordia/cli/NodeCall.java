package org.concordia.cli;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * A command that calls a running node's user API as one of its accounts ({@link NodeOptions}): the
 * client is opened and closed here, and a refusal is printed as {@code error CODE: detail} (the node's
 * stable error code; exit 2), an unreachable node as {@code error partner_unreachable}.
 */
abstract class NodeCall implements Callable<Integer> {
    @Mixin
    NodeOptions node;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (NodeClient client = node.client()) {
            return run(client, out, err);
        } catch (NodeClient.Failure f) {
            err.println("error " + f.code + ": " + f.getMessage());
            return ConcordiaCli.USAGE;
        } catch (ConnectException e) {
            err.println("error partner_unreachable: cannot connect to the node at " + node.node);
            return ConcordiaCli.USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command's work with an open client; its exit code. */
    abstract int run(NodeClient client, PrintWriter out, PrintWriter err) throws Exception;
}
