package org.concordia.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concordia.generator.PeopleGenerator;
import org.concordia.imports.ImportSetupException;
import org.concordia.model.Person;

/**
 * Generated people for a benchmark: written to a temporary folder, read back through the importer,
 * with the ground truth; the folder is deleted on {@link #close()}.
 */
final class GeneratedPeople implements AutoCloseable {
    final Path dir;
    final List<Person> persons;
    /** The person behind each record id. */
    final Map<String, String> personOf;

    private GeneratedPeople(Path dir, List<Person> persons, Map<String, String> personOf) {
        this.dir = dir;
        this.persons = persons;
        this.personOf = personOf;
    }

    static GeneratedPeople generate(long seed, int people) throws IOException, ImportSetupException {
        Path dir = Files.createTempDirectory("concordia-bench");
        try {
            new PeopleGenerator(seed).write(people, dir);
            List<Person> persons = PersonFiles.read(
                            dir.resolve(PeopleGenerator.RECORDS_FILE), new PrintWriter(System.err))
                    .persons();
            return new GeneratedPeople(dir, persons, PeopleGenerator.readTruth(dir));
        } catch (IOException | ImportSetupException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        delete(dir);
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
