package org.concordia.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.concordia.json.Decoded;
import org.concordia.json.RecordDecoder;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Person;
import org.concordia.model.Record;
import org.concordia.model.RecordId;
import org.concordia.model.RecordType;
import org.concordia.port.RecordStore;
import org.concordia.port.RecordStore.SaveOutcome;
import org.concordia.port.VersionedRecord;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link RecordStore} implementation passes. Each test uses its own owner code, so
 * implementations may share one database across tests.
 */
abstract class RecordStoreContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    protected abstract RecordStore store();

    private final String owner =
            "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();

    static Record record(String json) {
        try {
            Decoded d = new RecordDecoder(null).decode(JSON.readTree(json));
            assertThat(d).isInstanceOf(Decoded.Accepted.class);
            return ((Decoded.Accepted) d).record();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    Record person(String id, String birthDate) {
        return record("{\"id\":\"" + id + "\",\"type\":\"Person\",\"owner\":\"" + owner
                + "\",\"names\":[{\"full\":\"محمد عبد الله\"}],\"birthDate\":\"" + birthDate + "\"}");
    }

    @Test
    void aNewRecordIsCreatedAndReadBackEqual() {
        Record r = person("P1", "1984-03-07");
        assertThat(store().save(List.of(r))).containsExactly(SaveOutcome.CREATED);
        VersionedRecord found =
                store().find(new ParticipantCode(owner), new RecordId("P1")).orElseThrow();
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.record()).isEqualTo(r);
    }

    @Test
    void storingIdenticalContentCreatesNoNewVersion() {
        Record r = person("P1", "1984");
        store().save(List.of(r));
        assertThat(store().save(List.of(person("P1", "1984")))).containsExactly(SaveOutcome.UNCHANGED);
        assertThat(store().history(new ParticipantCode(owner), new RecordId("P1")))
                .hasSize(1);
    }

    @Test
    void changedContentBecomesANewVersionAndKeepsThePreviousOne() {
        store().save(List.of(person("P1", "1984")));
        assertThat(store().save(List.of(person("P1", "1984-03")))).containsExactly(SaveOutcome.UPDATED);
        assertThat(store().save(List.of(person("P1", "1984-03-07")))).containsExactly(SaveOutcome.UPDATED);
        List<VersionedRecord> history = store().history(new ParticipantCode(owner), new RecordId("P1"));
        assertThat(history).extracting(VersionedRecord::version).containsExactly(1, 2, 3);
        assertThat(history)
                .extracting(v -> ((Person) v.record()).birthDate().toString())
                .containsExactly("1984", "1984-03", "1984-03-07");
        assertThat(store().find(new ParticipantCode(owner), new RecordId("P1"))
                        .orElseThrow()
                        .version())
                .isEqualTo(3);
    }

    @Test
    void aBatchReportsOneOutcomePerRecordInOrder() {
        store().save(List.of(person("A", "1990"), person("B", "1991")));
        List<SaveOutcome> outcomes =
                store().save(List.of(person("C", "1992"), person("A", "1990"), person("B", "1999")));
        assertThat(outcomes).containsExactly(SaveOutcome.CREATED, SaveOutcome.UNCHANGED, SaveOutcome.UPDATED);
    }

    @Test
    void aBatchWithARepeatedIdIsRefusedWholeAndStoresNothing() {
        assertThatThrownBy(() -> store().save(List.of(person("X", "1990"), person("X", "1991"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().find(new ParticipantCode(owner), new RecordId("X"))).isEmpty();
    }

    @Test
    void anUnknownRecordIsNotFoundAndHasNoHistory() {
        assertThat(store().find(new ParticipantCode(owner), new RecordId("nope")))
                .isEmpty();
        assertThat(store().history(new ParticipantCode(owner), new RecordId("nope")))
                .isEmpty();
    }

    @Test
    void recordsAreKeyedByOwnerAndId() {
        store().save(List.of(person("same", "1980")));
        Record other = record("{\"id\":\"same\",\"type\":\"Person\",\"owner\":\"" + owner + "X\",\"names\":[\"A B\"]}");
        assertThat(store().save(List.of(other))).containsExactly(SaveOutcome.CREATED);
        assertThat(store().find(new ParticipantCode(owner), new RecordId("same"))
                        .orElseThrow()
                        .record())
                .isInstanceOf(Person.class);
    }

    @Test
    void everyRecordTypeRoundTrips() {
        List<Record> all = new ArrayList<>();
        all.add(person("p", "1970-01-01"));
        all.add(
                record(
                        "{\"id\":\"d\",\"type\":\"TravelDocument\",\"owner\":\"" + owner + "\",\"status\":\"stolen\","
                                + "\"mrz\":[\"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\",\"L898902C36UTO7408122F1204159ZE184226B<<<<<10\"]}"));
        all.add(record("{\"id\":\"v\",\"type\":\"Vehicle\",\"owner\":\"" + owner
                + "\",\"vin\":\"1M8GDM9AXKP042788\",\"modelYear\":2019}"));
        all.add(record("{\"id\":\"f\",\"type\":\"Firearm\",\"owner\":\"" + owner
                + "\",\"serialNumber\":\"AB-1234\",\"make\":\"Glock\"}"));
        all.add(record("{\"id\":\"o\",\"type\":\"Organisation\",\"owner\":\"" + owner
                + "\",\"names\":[\"Acme Ltd\"],\"country\":\"GB\"}"));
        all.add(record("{\"id\":\"c\",\"type\":\"Case\",\"owner\":\"" + owner
                + "\",\"reference\":\"2024/17\",\"crimeCategory\":\"0701\"}"));
        all.add(record("{\"id\":\"l\",\"type\":\"Link\",\"owner\":\"" + owner
                + "\",\"kind\":\"person-document\",\"from\":\"p\",\"to\":\"d\"}"));
        store().save(all);
        for (Record r : all) {
            assertThat(store().find(r.owner(), r.id()).orElseThrow().record()).isEqualTo(r);
        }
        Map<RecordType, Long> counts = store().countByType();
        for (RecordType t : RecordType.values()) {
            assertThat(counts.get(t)).as(t.wireName()).isNotNull().isPositive();
        }
    }
}
