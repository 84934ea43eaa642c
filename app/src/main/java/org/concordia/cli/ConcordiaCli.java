package org.concordia.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code concordia} command: the composition root of the command-line tool. Exit codes: 0 done,
 * 1 the work found problems (for example rejected records), 2 wrong usage or unreadable input.
 */
@Command(
        name = "concordia",
        mixinStandardHelpOptions = true,
        version = "Concordia 0.1.0",
        description = "Share what police organisations know without sharing one database.",
        subcommands = {
            ValidateCommand.class,
            ImportCommand.class,
            ShowCommand.class,
            GenerateCommand.class,
            DemoCommand.class,
            LinkCommand.class,
            ScreenCommand.class,
            CompareNamesCommand.class,
            BenchCommand.class,
            SearchCommand.class,
            NodeCommand.class,
            PkiCommand.class,
            AuditCommand.class,
            MessagesCommand.class,
            FollowUpCommand.class,
            AlertsCommand.class,
            SubscriptionsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class ConcordiaCli implements Runnable {
    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ConcordiaCli());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Infrastructure failures: say what failed by class and message (ids and codes only), not a stack trace.
            commandLine
                    .getErr()
                    .println("error: " + e.getMessage()
                            + (e.getCause() == null
                                    ? ""
                                    : " (" + e.getCause().getClass().getSimpleName() + ")"));
            return PROBLEMS;
        });
        return cl;
    }

    /**
     * Lucene says at start-up that the Vector API incubator module is not enabled (a speed note, not a
     * problem); held here so the level set on it is not garbage-collected.
     */
    private static final java.util.logging.Logger LUCENE_VECTORIZATION =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) {
        LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
        System.exit(commandLine().execute(args));
    }
}
