package org.concordia.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.concordia.matching.TestPersons;
import org.concordia.model.Envelope;
import org.concordia.model.Handling;
import org.concordia.model.HandlingCode;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Person;
import org.concordia.model.RecordType;
import org.concordia.model.TlpLabel;
import org.concordia.problem.ErrorCode;
import org.junit.jupiter.api.Test;

class SharingPolicyTest {
    private static final ParticipantCode OWNER = new ParticipantCode("TEST");
    private static final ParticipantCode EUROPOL = new ParticipantCode("EUROPOL");
    private static final ParticipantCode AFRIPOL = new ParticipantCode("AFRIPOL");

    private static Person person(Handling handling) {
        Envelope e = TestPersons.envelope("p1");
        Envelope labelled =
                new Envelope(e.id(), e.type(), e.owner(), handling, e.grading(), null, null, null, null, null);
        return new Person(labelled, List.of(), null, null, null, List.of(), List.of());
    }

    @Test
    void aPartnerWithoutAnAgreementIsRefused() {
        SharingPolicy p = SharingPolicy.of(OWNER, List.of(SharingAgreement.persons(OWNER, EUROPOL, SharingMode.FULL)));

        assertThat(p.decide(AFRIPOL, Purpose.parse("criminal-investigation").orElseThrow()))
                .isEqualTo(new SharingPolicy.Decision.Refuse(ErrorCode.NO_AGREEMENT));
        assertThat(p.agreementWith(AFRIPOL).mode()).isEqualTo(SharingMode.NONE);
    }

    @Test
    void anAgreementOfModeNoneIsARefusal() {
        SharingPolicy p = SharingPolicy.of(OWNER, List.of(SharingAgreement.persons(OWNER, EUROPOL, SharingMode.NONE)));

        assertThat(p.decide(EUROPOL, Purpose.parse("border-control").orElseThrow()))
                .isInstanceOf(SharingPolicy.Decision.Refuse.class);
    }

    @Test
    void aPurposeTheAgreementDoesNotListIsRefused() {
        SharingAgreement a = new SharingAgreement(
                OWNER,
                EUROPOL,
                SharingMode.FULL,
                Set.of(RecordType.PERSON),
                TlpLabel.AMBER,
                Set.of("counter-terrorism"));
        SharingPolicy p = SharingPolicy.of(OWNER, List.of(a));

        assertThat(p.decide(
                        EUROPOL, Purpose.parse("border-control: flight LH123").orElseThrow()))
                .isEqualTo(new SharingPolicy.Decision.Refuse(ErrorCode.PURPOSE_NOT_ALLOWED));
        assertThat(p.decide(EUROPOL, Purpose.parse("Counter-Terrorism: case 7").orElseThrow()))
                .isEqualTo(new SharingPolicy.Decision.Answer(a));
    }

    @Test
    void recordsAboveTheAgreedLabelAreNotEvenHits() {
        SharingAgreement a = SharingAgreement.persons(OWNER, EUROPOL, SharingMode.FULL);

        assertThat(SharingPolicy.disclose(a, person(new Handling(TlpLabel.RED, HandlingCode.H0, false))))
                .isEqualTo(SharingPolicy.Disclosure.WITHHELD);
        assertThat(SharingPolicy.disclose(a, person(new Handling(TlpLabel.GREEN, HandlingCode.H0, false))))
                .isEqualTo(SharingPolicy.Disclosure.FULL);
    }

    @Test
    void hitOnlyMarkingsAndDisseminationCodesTurnAFullAgreementIntoHitOnly() {
        SharingAgreement a = SharingAgreement.persons(OWNER, EUROPOL, SharingMode.FULL);

        assertThat(SharingPolicy.disclose(a, person(new Handling(TlpLabel.AMBER, HandlingCode.H0, true))))
                .isEqualTo(SharingPolicy.Disclosure.HIT_ONLY);
        assertThat(SharingPolicy.disclose(a, person(new Handling(TlpLabel.AMBER, HandlingCode.H2, false))))
                .isEqualTo(SharingPolicy.Disclosure.HIT_ONLY);
        assertThat(SharingPolicy.disclose(
                        SharingAgreement.persons(OWNER, EUROPOL, SharingMode.HIT_ONLY), person(Handling.DEFAULT)))
                .isEqualTo(SharingPolicy.Disclosure.HIT_ONLY);
    }

    @Test
    void aRecordTypeTheAgreementDoesNotListIsWithheld() {
        SharingAgreement vehiclesOnly = new SharingAgreement(
                OWNER, EUROPOL, SharingMode.FULL, Set.of(RecordType.VEHICLE), TlpLabel.AMBER, Set.of());

        assertThat(SharingPolicy.disclose(vehiclesOnly, person(Handling.DEFAULT)))
                .isEqualTo(SharingPolicy.Disclosure.WITHHELD);
    }

    @Test
    void replacingAnAgreementLeavesTheOldPolicyAsItWas() {
        SharingPolicy before =
                SharingPolicy.of(OWNER, List.of(SharingAgreement.persons(OWNER, EUROPOL, SharingMode.FULL)));
        SharingPolicy after = before.with(SharingAgreement.persons(OWNER, EUROPOL, SharingMode.HIT_ONLY));

        assertThat(before.agreementWith(EUROPOL).mode()).isEqualTo(SharingMode.FULL);
        assertThat(after.agreementWith(EUROPOL).mode()).isEqualTo(SharingMode.HIT_ONLY);
    }

    @Test
    void aPurposeNeedsACodeInFront() {
        assertThat(Purpose.parse("criminal-investigation: case 2026/118"))
                .contains(new Purpose("criminal-investigation", "criminal-investigation: case 2026/118"));
        assertThat(Purpose.parse("")).isEmpty();
        assertThat(Purpose.parse(": no code")).isEmpty();
        assertThat(Purpose.parse("x".repeat(Purpose.MAX_LENGTH + 1))).isEmpty();
    }
}
