package org.concordia.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.concordia.model.PartialDate;
import org.concordia.problem.ErrorCode;
import org.junit.jupiter.api.Test;

class SearchQueryTest {
    @Test
    void aSearchWithoutPurposeIsInvalid() {
        assertThat(SearchQuery.of(null, "Mohamed Abdallah", null, null, null))
                .isInstanceOfSatisfying(
                        SearchQuery.Checked.Invalid.class,
                        i -> assertThat(i.code()).isEqualTo(ErrorCode.INVALID_QUERY));
    }

    @Test
    void aSearchNeedsANameOrADocument() {
        assertThat(SearchQuery.of("criminal-investigation", null, "1984", "EGY", null))
                .isInstanceOf(SearchQuery.Checked.Invalid.class);
    }

    @Test
    void aBadBirthDateIsInvalidAndTheReasonDoesNotRepeatIt() {
        SearchQuery.Checked c = SearchQuery.of("criminal-investigation", "Mohamed Abdallah", "07/03/1984", null, null);

        assertThat(c)
                .isInstanceOfSatisfying(
                        SearchQuery.Checked.Invalid.class,
                        i -> assertThat(i.reason()).doesNotContain("1984"));
    }

    @Test
    void oneSearchBoxIsReadAsNameDateAndDocument() {
        SearchQuery q = ((SearchQuery.Checked.Valid)
                        SearchQuery.fromText("border-control", "Mohamed ABDALLAH 1984-03-07 P1234567"))
                .query();

        assertThat(q.name()).isEqualTo("Mohamed ABDALLAH");
        assertThat(q.birthDate()).isEqualTo(PartialDate.of(1984, 3, 7).orElseThrow());
        assertThat(q.document()).isEqualTo("P1234567");
    }

    @Test
    void aQueryBecomesAPersonWithNormalisedNameAndDocument() {
        SearchQuery q = ((SearchQuery.Checked.Valid)
                        SearchQuery.of("criminal-investigation", "محمد عبد الله", "1984", "Egypt", "p-123 4567"))
                .query();

        var person = q.asPerson(new org.concordia.model.ParticipantCode("INTERPOL"));

        assertThat(person.names()).hasSize(1);
        assertThat(person.nationalities().get(0).alpha3()).isEqualTo("EGY");
        assertThat(person.documents().get(0).normalizedNumber()).isEqualTo("P1234567");
    }
}
