package org.concordia.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.concordia.model.PersonName;
import org.concordia.normalize.NameNormalizer;
import org.junit.jupiter.api.Test;

/** The shared per-spelling forms of name tokens: shared, bounded, and the same as computed alone. */
class TokenFormsTest {
    private static PersonName name(String full) {
        return NameNormalizer.normalize(full, null, null, null);
    }

    @Test
    void tokensOfOneSpellingInDifferentNamesShareOneForm() {
        NameComparator names = NameComparator.withoutLearnedTransliteration();
        PreparedName a = names.prepare(List.of(name("Abd Allah Hassan"))).names[0];
        PreparedName b = names.prepare(List.of(name("Hassan Abd Allah"))).names[0];

        NameToken hassanA = token(a.core, "HASSAN");
        NameToken hassanB = token(b.core, "HASSAN");
        assertThat(hassanA).isNotSameAs(hassanB);
        assertThat(hassanA.key).isSameAs(hassanB.key);
        assertThat(hassanA.skeletons).isSameAs(hassanB.skeletons);
        assertThat(hassanA.text).isSameAs(hassanB.text);
        NameToken joinA = token(a.joins, "ABDALLAH");
        NameToken joinB = token(b.joins, "ABDALLAH");
        assertThat(joinA.text).isSameAs(joinB.text);
        assertThat(joinA.shown).isEqualTo("ABD+ALLAH").isSameAs(joinB.shown);
    }

    @Test
    void consonantalScriptTokensKeepTheirOwnSkeletons() {
        TokenForms forms = new TokenForms(NameVariants.standard());
        // the ta marbuta of an Arabic name gives a final T that a Latin spelling has not
        assertThat(forms.of("FATMT", true).skeletons).containsExactly("FTMT", "FTM");
        assertThat(forms.of("FATMT", false).skeletons).containsExactly("FTMT");
    }

    @Test
    void pastTheBoundNewSpellingsGetFormsOfTheirOwnEqualToShared() {
        TokenForms forms = new TokenForms(NameVariants.standard(), 2);
        TokenForms.Form smith = forms.of("SMITH", false);
        forms.of("JONES", false);
        TokenForms.Form first = forms.of("MUHAMMAD", false);
        TokenForms.Form second = forms.of("MUHAMMAD", false);

        assertThat(forms.of("SMITH", false)).isSameAs(smith);
        assertThat(first).isNotSameAs(second);
        assertThat(first.key).isEqualTo(second.key).isEqualTo(PhoneticKey.of("MUHAMMAD"));
        assertThat(first.skeletons).containsExactly(second.skeletons);
        assertThat(first.letters).isEqualTo(JaroWinkler.letters("MUHAMMAD"));
        assertThat(forms.shown("A+B")).isSameAs(forms.shown(new String("A+B")));
        forms.shown("C+D");
        String late = new String("E+F");
        assertThat(forms.shown(late)).isSameAs(late);
    }

    private static NameToken token(NameToken[] tokens, String text) {
        for (NameToken t : tokens) {
            if (t.text.equals(text)) {
                return t;
            }
        }
        throw new AssertionError("no token " + text);
    }
}
