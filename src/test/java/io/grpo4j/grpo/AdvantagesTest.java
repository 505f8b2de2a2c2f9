package io.grpo4j.grpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdvantagesTest {
    // Two groups of G = 3: {1, 0, 0} and {2, 2, 2}.
    private static final double[] R = {1, 0, 0, 2, 2, 2};

    @Test
    void groupNormalisation() {
        // group 1: mean 1/3, unbiased std sqrt(((2/3)^2 + 2 (1/3)^2) / 2) = sqrt(1/3) = 0.57735
        double s = Math.sqrt(1.0 / 3) + 1e-4;
        double[] a = Advantages.compute(R, 3, "group", "grpo");
        assertArrayEquals(new double[] {(2.0 / 3) / s, (-1.0 / 3) / s, (-1.0 / 3) / s, 0, 0, 0}, a, 1e-12);
    }

    @Test
    void batchScaleUsesTheStdOfAllRewards() {
        // all six: mean 7/6, squares of deviations sum to 29/6, unbiased var 29/30
        double s = Math.sqrt(29.0 / 30) + 1e-4;
        double[] a = Advantages.compute(R, 3, "batch", "grpo");
        assertArrayEquals(new double[] {(2.0 / 3) / s, (-1.0 / 3) / s, (-1.0 / 3) / s, 0, 0, 0}, a, 1e-12);
    }

    @Test
    void drGrpoOnlyCentres() {
        assertArrayEquals(new double[] {2.0 / 3, -1.0 / 3, -1.0 / 3, 0, 0, 0}, Advantages.compute(R, 3, "none", "grpo"), 1e-12);
    }

    @Test
    void rlooSubtractsTheMeanOfTheOthers() {
        // 1 − (0+0)/2 = 1; 0 − (1+0)/2 = −0.5
        assertArrayEquals(new double[] {1, -0.5, -0.5, 0, 0, 0}, Advantages.compute(R, 3, "none", "rloo"), 1e-12);
    }

    @Test
    void zeroStdGroupsAndBadInput() {
        assertEquals(0.5, Advantages.fracZeroStd(R, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Advantages.compute(new double[] {1, Double.NaN}, 2, "group", "grpo"));
        assertEquals("reward 1 is NaN: rewards must be finite", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Advantages.compute(new double[] {1, 2, 3}, 2, "group", "grpo"));
        assertEquals("3 rewards do not form groups of 2", e.getMessage());
    }
}
