package org.concordia.matching;

import org.concordia.model.Envelope;
import org.concordia.model.Grading;
import org.concordia.model.Handling;
import org.concordia.model.ParticipantCode;
import org.concordia.model.RecordId;
import org.concordia.model.RecordType;

/** Persons for matching tests. */
public final class TestPersons {
    private TestPersons() {}

    /** The envelope of a person record owned by TEST, every other field at its default. */
    public static Envelope envelope(String id) {
        return new Envelope(
                new RecordId(id),
                RecordType.PERSON,
                new ParticipantCode("TEST"),
                Handling.DEFAULT,
                Grading.DEFAULT,
                null,
                null,
                null,
                null,
                null);
    }
}
