package org.concordia.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.concordia.model.Person;
import org.junit.jupiter.api.Test;

class FrequencyAdjustmentTest {
    /** Records are their name; names compare EXACT when equal. */
    static final class NameOnly implements RecordComparator<String> {
        @Override
        public List<String> fields() {
            return List.of("name");
        }

        @Override
        public String prepare(Person person) {
            throw new UnsupportedOperationException("records are given prepared");
        }

        @Override
        public List<FieldComparison> compare(String a, String b) {
            return List.of(new FieldComparison(
                    "name", a.equals(b) ? Agreement.EXACT : Agreement.DISAGREE, a.equals(b) ? 1 : 0, "", false));
        }

        @Override
        public List<String> valueKeys(String person, int field) {
            return List.of(person);
        }
    }

    @Test
    void agreeingOnARareValueWeighsMoreThanOnACommonOne() {
        // 1,000 records: 200 named MOHAMED, 2 named ZEBULON, the rest unique
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add("MOHAMED");
        }
        records.add("ZEBULON");
        records.add("ZEBULON");
        for (int i = 0; i < 798; i++) {
            records.add("N" + i);
        }
        NameOnly cmp = new NameOnly();
        List<int[]> random = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String a = records.get(i);
            String b = records.get((i * 7 + 13) % records.size());
            random.add(FellegiSunter.levels(cmp.compare(a, b)));
        }
        FrequencyAdjustment<String> tf = FrequencyAdjustment.of(cmp, records, random);
        double common = tf.bits(cmp.compare("MOHAMED", "MOHAMED"), "MOHAMED", "MOHAMED");
        double rare = tf.bits(cmp.compare("ZEBULON", "ZEBULON"), "ZEBULON", "ZEBULON");
        assertThat(rare).isPositive();
        assertThat(common).isLessThan(rare);
        assertThat(tf.bits(cmp.compare("MOHAMED", "N1"), "MOHAMED", "N1"))
                .as("no adjustment without exact agreement")
                .isZero();
        assertThat(FrequencyAdjustment.none(cmp).bits(cmp.compare("ZEBULON", "ZEBULON"), "ZEBULON", "ZEBULON"))
                .isZero();
    }
}
