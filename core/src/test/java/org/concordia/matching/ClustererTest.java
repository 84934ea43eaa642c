package org.concordia.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClustererTest {
    @Test
    void oneStrongWrongLinkDoesNotChainTwoGroupsTogether() {
        // Records 0-2 are one person, 3-5 another; a single wrong link 2-3 is above the threshold, but
        // the two groups have nothing else in common, so average linkage keeps them apart where
        // connected components would join all six.
        int[][] same = {{0, 1}, {0, 2}, {1, 2}, {3, 4}, {3, 5}, {4, 5}};
        List<Clusterer.Edge> edges = new java.util.ArrayList<>();
        for (int[] p : same) {
            edges.add(new Clusterer.Edge(p[0], p[1], 0.99));
        }
        edges.add(new Clusterer.Edge(2, 3, 0.96));
        Clusterer.PairScore score = (a, b) -> {
            boolean sameGroup = (a < 3) == (b < 3);
            if ((a == 2 && b == 3) || (a == 3 && b == 2)) {
                return 960_000;
            }
            return sameGroup ? 990_000 : 10_000;
        };
        int[] c = Clusterer.cluster(6, edges, score, 0.95);
        assertThat(c[0]).isEqualTo(c[1]).isEqualTo(c[2]);
        assertThat(c[3]).isEqualTo(c[4]).isEqualTo(c[5]);
        assertThat(c[0]).isNotEqualTo(c[3]);
    }

    @Test
    void connectedStrongLinksFormOneGroup() {
        List<Clusterer.Edge> edges = List.of(new Clusterer.Edge(0, 1, 0.99), new Clusterer.Edge(1, 2, 0.98));
        int[] c = Clusterer.cluster(4, edges, (a, b) -> 970_000, 0.95);
        assertThat(c).containsExactly(0, 0, 0, 3);
    }
}
