package org.concordia.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.concordia.matching.EveryoneIndex;
import org.concordia.matching.FellegiSunter;
import org.concordia.matching.compare.PersonComparator;
import org.concordia.model.CountryRef;
import org.concordia.model.DocumentRef;
import org.concordia.model.Envelope;
import org.concordia.model.Firearm;
import org.concordia.model.Grading;
import org.concordia.model.Handling;
import org.concordia.model.PartialDate;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Person;
import org.concordia.model.PersonName;
import org.concordia.model.Record;
import org.concordia.model.RecordId;
import org.concordia.model.RecordType;
import org.concordia.model.Sex;
import org.concordia.model.TravelDocument;
import org.concordia.model.Vehicle;
import org.concordia.normalize.Countries;
import org.concordia.normalize.DocumentNumbers;
import org.concordia.normalize.NameNormalizer;
import org.junit.jupiter.api.Test;

/**
 * Source: the matching rules of {@link AlertIndex}'s contract: pair decisions by a Fellegi-Sunter model
 * (Fellegi and Sunter, JASA 1969), identifiers by equality with their qualifiers; an alert's newest
 * version is the one in force.
 */
class AlertIndexTest {
    private static final ParticipantCode OWNER = new ParticipantCode("INTERPOL");
    private static final ParticipantCode HOLDER = new ParticipantCode("EUROPOL");
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final PersonComparator COMPARATOR = new PersonComparator();

    /** A model in which an exact name and date together are decisive, either alone is not. */
    static FellegiSunter model() {
        int fields = PersonComparator.FIELDS.size();
        double[][] m = new double[fields][];
        double[][] u = new double[fields][];
        for (int f = 0; f < fields; f++) {
            m[f] = new double[] {1, 0.05, 0.10, 0.25, 0.60};
            u[f] = new double[] {1, 0.90, 0.07, 0.02, 0.01};
        }
        return new FellegiSunter(PersonComparator.FIELDS, m, u, 1.0 / 300);
    }

    private final AlertIndex<?> index =
            new AlertIndex<>(COMPARATOR, EveryoneIndex::new, AlertIndexTest::model, 50, 0.5);

    @Test
    void aRecordInAnotherScriptHitsThePersonAlert() {
        Alert wanted = alert(AlertType.WANTED, person(OWNER, "s1", "Mohamed Abdallah", "1984-03-07", null));
        index.put(wanted);

        List<AlertIndex.Match> hits = index.check(person(HOLDER, "r1", "محمد عبد الله", "1984-03-07", null), NOW);

        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.alert().id()).isEqualTo(wanted.id());
            assertThat(h.on()).isEqualTo("person");
            assertThat(h.probability()).isGreaterThanOrEqualTo(0.5);
        });
    }

    @Test
    void anotherPersonDoesNotHit() {
        index.put(alert(AlertType.WANTED, person(OWNER, "s1", "Mohamed Abdallah", "1984-03-07", null)));

        assertThat(index.check(person(HOLDER, "r1", "Olga Petrova", "1990-11-02", null), NOW))
                .isEmpty();
    }

    @Test
    void aCancelledVersionStopsMatchingAndAnOlderVersionDoesNotRevive() {
        Alert wanted = alert(AlertType.WANTED, person(OWNER, "s1", "Mohamed Abdallah", "1984-03-07", null));
        index.put(wanted);
        Record record = person(HOLDER, "r1", "Mohamed Abdallah", "1984-03-07", null);
        assertThat(index.check(record, NOW)).hasSize(1);

        assertThat(index.put(wanted.cancelled())).isTrue();
        assertThat(index.check(record, NOW)).isEmpty();
        assertThat(index.put(wanted)).as("version 1 after version 2").isFalse();
        assertThat(index.check(record, NOW)).isEmpty();
        assertThat(index.get(wanted.id()).orElseThrow().status()).isEqualTo(Alert.Status.CANCELLED);
    }

    @Test
    void anExpiredAlertStopsMatching() {
        Alert wanted = alert(AlertType.WANTED, person(OWNER, "s1", "Mohamed Abdallah", "1984-03-07", null));
        index.put(wanted);
        Record record = person(HOLDER, "r1", "Mohamed Abdallah", "1984-03-07", null);

        assertThat(index.check(record, wanted.validUntil().minusSeconds(1))).hasSize(1);
        assertThat(index.check(record, wanted.validUntil())).isEmpty();
        index.dropExpired(wanted.validUntil());
        assertThat(index.check(record, wanted.validUntil().minusSeconds(1))).isEmpty();
    }

    @Test
    void aPersonCarryingAStolenPassportHitsWhateverNameTheyGive() {
        Alert stolen = alert(AlertType.LOST_STOLEN_DOCUMENT, document(OWNER, "d1", "P 1234567", "FRA"));
        index.put(stolen);

        List<AlertIndex.Match> hits = index.check(person(HOLDER, "r1", "John Smith", "1970", "P1234567"), NOW);

        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.on()).isEqualTo("document");
            assertThat(h.probability()).isEqualTo(1.0);
        });
    }

    @Test
    void theSameDocumentNumberOfAnotherIssuingCountryDoesNotHit() {
        index.put(alert(AlertType.LOST_STOLEN_DOCUMENT, document(OWNER, "d1", "P1234567", "FRA")));

        assertThat(index.check(document(HOLDER, "r1", "P1234567", "DEU"), NOW)).isEmpty();
        assertThat(index.check(document(HOLDER, "r2", "P1234567", "FRA"), NOW)).hasSize(1);
    }

    @Test
    void aStolenVehicleIsFoundByItsVinAndAFirearmByItsSerialOfTheSameMake() {
        index.put(alert(AlertType.STOLEN_VEHICLE, vehicle(OWNER, "v1", "WVWZZZ1JZXW000001")));
        index.put(alert(AlertType.STOLEN_FIREARM, firearm(OWNER, "f1", "AB-12345", "Glock")));

        assertThat(index.check(vehicle(HOLDER, "v9", "wvwzzz1jzxw000001"), NOW))
                .singleElement()
                .extracting(AlertIndex.Match::on)
                .isEqualTo("vin");
        assertThat(index.check(firearm(HOLDER, "f9", "AB12345", "GLOCK"), NOW)).hasSize(1);
        assertThat(index.check(firearm(HOLDER, "f8", "AB12345", "Beretta"), NOW))
                .isEmpty();
    }

    @Test
    void aRecordOfTheAlertsOwnerIsNotCheckedAgainstIt() {
        index.put(alert(AlertType.WANTED, person(OWNER, "s1", "Mohamed Abdallah", "1984-03-07", null)));

        assertThat(index.check(person(OWNER, "s2", "Mohamed Abdallah", "1984-03-07", null), NOW))
                .isEmpty();
    }

    @Test
    void liveAlertsStillMatchAfterCancelledOnesAreReclaimed() {
        List<Alert> many = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            many.add(alert(AlertType.WANTED, person(OWNER, "x" + i, "Olga Petrova", "1990-11-02", null)));
        }
        Alert wanted = alert(AlertType.WANTED, person(OWNER, "s1", "Mohamed Abdallah", "1984-03-07", null));
        many.add(wanted);
        index.putAll(many);
        index.putAll(many.subList(0, 1_500).stream().map(Alert::cancelled).toList());

        assertThat(index.check(person(HOLDER, "r1", "Mohamed Abdallah", "1984-03-07", null), NOW))
                .singleElement()
                .satisfies(h -> assertThat(h.alert().id()).isEqualTo(wanted.id()));
        assertThat(index.activeAt(NOW)).isEqualTo(1);
    }

    @Test
    void aTravelDocumentsHolderIsCheckedAgainstPersonAlerts() {
        index.put(alert(AlertType.WANTED, person(OWNER, "s1", "Mohamed Abdallah", "1984-03-07", null)));
        Envelope e = envelope(HOLDER, "t1", RecordType.TRAVEL_DOCUMENT);
        TravelDocument found = new TravelDocument(
                e,
                "passport",
                "X998877",
                "X998877",
                Countries.resolve("EGY"),
                "valid",
                null,
                null,
                List.of(name("ABDALLAH, Mohamed")),
                date("1984-03-07"),
                Sex.M,
                null,
                null);

        assertThat(index.check(found, NOW))
                .singleElement()
                .extracting(AlertIndex.Match::on)
                .isEqualTo("person");
    }

    static Alert alert(AlertType type, Record subject) {
        return new Alert(
                UUID.randomUUID(),
                1,
                subject.owner(),
                type,
                subject,
                "locate and arrest",
                NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(365)),
                new Recipients.All(),
                Alert.Status.ACTIVE);
    }

    static Envelope envelope(ParticipantCode owner, String id, RecordType type) {
        return new Envelope(
                new RecordId(id), type, owner, Handling.DEFAULT, Grading.DEFAULT, null, null, null, null, null);
    }

    static PersonName name(String full) {
        return NameNormalizer.normalize(full, null, null, null);
    }

    static PartialDate date(String text) {
        return ((PartialDate.Parsed.Ok) PartialDate.parse(text)).date();
    }

    static Person person(ParticipantCode owner, String id, String name, String birthDate, String passport) {
        List<DocumentRef> docs = passport == null
                ? List.of()
                : List.of(new DocumentRef("passport", passport, DocumentNumbers.normalize(passport), null, null));
        return new Person(
                envelope(owner, id, RecordType.PERSON),
                List.of(name(name)),
                Sex.M,
                date(birthDate),
                null,
                List.of(),
                docs);
    }

    static TravelDocument document(ParticipantCode owner, String id, String number, String country) {
        return new TravelDocument(
                envelope(owner, id, RecordType.TRAVEL_DOCUMENT),
                "passport",
                number,
                DocumentNumbers.normalize(number),
                Countries.resolve(country),
                "stolen",
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null);
    }

    static Vehicle vehicle(ParticipantCode owner, String id, String vin) {
        return new Vehicle(
                envelope(owner, id, RecordType.VEHICLE),
                vin,
                vin.toUpperCase(java.util.Locale.ROOT),
                null,
                null,
                (CountryRef) null,
                "Volkswagen",
                "Golf",
                null,
                null,
                "stolen");
    }

    static Firearm firearm(ParticipantCode owner, String id, String serial, String make) {
        return new Firearm(
                envelope(owner, id, RecordType.FIREARM),
                serial,
                serial.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT),
                make,
                null,
                "pistol",
                null,
                null,
                "stolen");
    }
}
