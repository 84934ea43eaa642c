package org.concordia.model;

/**
 * A record of exchange model version 1. Every record carries an {@link Envelope}; the permitted
 * types are the model's record types, so a {@code switch} over them needs no default.
 */
public sealed interface Record permits Person, TravelDocument, Vehicle, Firearm, Organisation, Case, RecordLink {
    Envelope envelope();

    default RecordId id() {
        return envelope().id();
    }

    default RecordType type() {
        return envelope().type();
    }

    default ParticipantCode owner() {
        return envelope().owner();
    }
}
