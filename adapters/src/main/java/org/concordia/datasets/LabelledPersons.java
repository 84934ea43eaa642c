package org.concordia.datasets;

import java.util.List;
import java.util.Objects;
import org.concordia.model.Person;

/**
 * Persons of a public benchmark data set, mapped into the exchange model, with the ground truth:
 * {@code entity.get(i)} names the real person behind {@code persons.get(i)}; {@code source.get(i)}
 * tells which file a record came from (for two-source linkage).
 */
public record LabelledPersons(String name, List<Person> persons, List<String> entity, List<String> source) {
    public LabelledPersons {
        Objects.requireNonNull(name, "name");
        persons = List.copyOf(persons);
        entity = List.copyOf(entity);
        source = List.copyOf(source);
        if (persons.size() != entity.size() || persons.size() != source.size()) {
            throw new IllegalArgumentException("one entity and one source per person");
        }
    }

    /** How many pairs of records are the same person (within one source, or across sources for linkage). */
    public long truePairs(boolean acrossSourcesOnly) {
        java.util.Map<String, java.util.Map<String, Long>> bySource = new java.util.HashMap<>();
        for (int i = 0; i < persons.size(); i++) {
            bySource.computeIfAbsent(entity.get(i), k -> new java.util.HashMap<>())
                    .merge(source.get(i), 1L, Long::sum);
        }
        long pairs = 0;
        for (var counts : bySource.values()) {
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            long all = total * (total - 1) / 2;
            if (acrossSourcesOnly) {
                long within =
                        counts.values().stream().mapToLong(c -> c * (c - 1) / 2).sum();
                pairs += all - within;
            } else {
                pairs += all;
            }
        }
        return pairs;
    }
}
