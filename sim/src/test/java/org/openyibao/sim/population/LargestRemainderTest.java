package org.openyibao.sim.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The split of hospitals, stations and pharmacies among districts, worked by hand. */
class LargestRemainderTest {

    @Test
    void floorsThenTheLargestRemainders() {
        // 10 by 5:3:2 → 5, 3, 2 exactly; 7 by 5:3:2 → 3.5, 2.1, 1.4 → floors 3, 2, 1, the one left to 0.5
        assertThat(LargestRemainder.split(10, new long[] {5, 3, 2})).containsExactly(5, 3, 2);
        assertThat(LargestRemainder.split(7, new long[] {5, 3, 2})).containsExactly(4, 2, 1);
        assertThat(LargestRemainder.split(0, new long[] {5, 3, 2})).containsExactly(0, 0, 0);
        assertThat(LargestRemainder.split(3, new long[] {0, 1})).containsExactly(0, 3);
    }

    @Test
    void equalRemaindersGoToTheEarlierDistrictExactly() {
        // 1,330 by 1:4:1 → 221⅔, 886⅔, 221⅔; floors 1,328; the two left go to the first two of three equal
        // remainders of ⅔. In doubles the three thirds differ in their last bits, and the old split gave
        // 222, 886, 222.
        assertThat(LargestRemainder.split(1_330, new long[] {1, 4, 1})).containsExactly(222, 887, 221);
        assertThat(LargestRemainder.split(2, new long[] {1, 1, 1})).containsExactly(1, 1, 0);
    }

    @Test
    void zhanjiangsVillageStationsAndPharmacies() {
        long[] registered = {245028, 377096, 426043, 301216, 309518, 1205133, 776434, 1822155, 1098903, 1827836};
        int[] villages = LargestRemainder.split(Institutions.VILLAGE_STATIONS, registered);
        assertThat(villages).containsExactly(63, 97, 109, 77, 80, 310, 200, 468, 282, 470);
        assertThat(LargestRemainder.split(Institutions.PHARMACIES, registered))
                .containsExactly(12, 18, 20, 14, 15, 58, 37, 87, 52, 87);
    }

    @Test
    void refusesWhatCannotBeSplit() {
        assertThatThrownBy(() -> LargestRemainder.split(3, new long[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LargestRemainder.split(3, new long[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LargestRemainder.split(-1, new long[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LargestRemainder.split(1, new long[] {2, -1})).isInstanceOf(IllegalArgumentException.class);
    }
}
