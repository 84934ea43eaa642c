package org.concordia.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The embedded PostgreSQL servers a benchmark started, seen from Linux's {@code /proc}: each server's
 * postmaster (found by its data directory on the command line) and its backends. Figures are -1 where
 * {@code /proc} is not readable. The servers run outside the JVM, so the JVM's own figures miss them.
 */
final class ServerProcesses {
    /** Linux's USER_HZ, the unit of the CPU times in {@code /proc/PID/stat}; 100 on every common kernel. */
    private static final long TICKS_PER_SECOND = 100;

    private static final Path PROC = Path.of("/proc");

    private final Set<Long> postmasters;

    private ServerProcesses(Set<Long> postmasters) {
        this.postmasters = postmasters;
    }

    /** The postmasters whose data directory lies under {@code root}. */
    static ServerProcesses under(Path root) {
        String prefix = root.toAbsolutePath().normalize().toString();
        Set<Long> found = new HashSet<>();
        for (long pid : pids()) {
            try {
                String[] args = Files.readString(PROC.resolve(pid + "/cmdline"), StandardCharsets.UTF_8)
                        .split("\0");
                boolean postgres = args.length > 0 && args[0].endsWith("postgres");
                for (int i = 0; postgres && i + 1 < args.length; i++) {
                    if (args[i].equals("-D") && args[i + 1].startsWith(prefix)) {
                        found.add(pid);
                    }
                }
            } catch (IOException e) {
                // the process ended meanwhile, or is not ours to read
            }
        }
        return new ServerProcesses(found);
    }

    int servers() {
        return postmasters.size();
    }

    /**
     * CPU time used so far by the servers, in milliseconds: each postmaster's own and that of its
     * children it has reaped (backends of closed connections), plus its live backends'.
     */
    long cpuMillis() {
        if (postmasters.isEmpty()) {
            return -1;
        }
        long ticks = 0;
        for (long pid : postmasters) {
            long[] s = stat(pid);
            if (s != null) {
                ticks += s[1] + s[2] + s[3] + s[4];
            }
        }
        for (long pid : children()) {
            long[] s = stat(pid);
            if (s != null) {
                ticks += s[1] + s[2];
            }
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** Proportional set size of the servers and their backends (shared buffers counted once), in MiB. */
    long pssMiB() {
        if (postmasters.isEmpty()) {
            return -1;
        }
        long kib = 0;
        List<Long> all = new ArrayList<>(postmasters);
        all.addAll(children());
        for (long pid : all) {
            try {
                for (String line : Files.readAllLines(PROC.resolve(pid + "/smaps_rollup"))) {
                    if (line.startsWith("Pss:")) {
                        kib += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // ended meanwhile
            }
        }
        return kib >> 10;
    }

    /** The JVM's own CPU time so far, in milliseconds; -1 when the platform does not say. */
    static long jvmCpuMillis() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(d -> d.toMillis())
                .orElse(-1L);
    }

    /** CPU time used by every process of the machine so far (the first line of {@code /proc/stat}), in ms; -1 unknown. */
    static long machineBusyMillis() {
        try {
            String[] f =
                    Files.readAllLines(PROC.resolve("stat")).getFirst().trim().split("\\s+");
            long ticks = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                if (i != 4 && i != 5) { // idle and iowait
                    ticks += Long.parseLong(f[i]);
                }
            }
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private List<Long> children() {
        List<Long> out = new ArrayList<>();
        for (long pid : pids()) {
            long[] s = stat(pid);
            if (s != null && postmasters.contains(s[0])) {
                out.add(pid);
            }
        }
        return out;
    }

    /** ppid, utime, stime, cutime, cstime; null when unreadable. */
    private static long[] stat(long pid) {
        try {
            String s = Files.readString(PROC.resolve(pid + "/stat"));
            // after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime ...
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new long[] {
                Long.parseLong(f[1]),
                Long.parseLong(f[11]),
                Long.parseLong(f[12]),
                Long.parseLong(f[13]),
                Long.parseLong(f[14])
            };
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<Long> pids() {
        List<Long> out = new ArrayList<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(PROC)) {
            for (Path p : d) {
                String name = p.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    out.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }
}
