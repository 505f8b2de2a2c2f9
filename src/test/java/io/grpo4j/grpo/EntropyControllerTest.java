package io.grpo4j.grpo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EntropyControllerTest {
    @Test
    void theWeightMovesGeometricallyTowardTheTargetEntropy() {
        // rate 0.2, 0.5 nats below a 1-nat target: log c grows by 0.1, 0.01 e^0.1 = 0.011051709180756477
        assertEquals(0.011051709180756477, EntropyController.next(0.01, 0.5, 1.0, 0.2), 1e-15);
        // 3 nats above: log c shrinks by 0.6, 0.01 e^-0.6 = 0.005488116360940264
        assertEquals(0.005488116360940264, EntropyController.next(0.01, 4.0, 1.0, 0.2), 1e-15);
        assertEquals(EntropyController.next(0.01, 0.5, 1.0, EntropyController.RATE), EntropyController.next(0.01, 0.5, 1.0), 0);
        assertEquals(0.01, EntropyController.next(0.01, 1.0, 1.0), 0); // on target: unchanged
        assertEquals(0.01, EntropyController.next(0.01, Double.NaN, 1.0), 0); // nothing measured
    }

    @Test
    void theWeightStaysWithinItsBounds() {
        assertEquals(EntropyController.MAX, EntropyController.next(0.19, 0.0, 5.0), 0); // 0.19 e^(0.5 x 5) > 0.2
        assertEquals(EntropyController.MIN, EntropyController.next(1.05e-4, 6.0, 0.5), 0);
        double c = 0.01;
        for (int i = 0; i < 1000; i++) {
            c = EntropyController.next(c, 0.0, 2.0); // a collapsed policy never reaches the target
        }
        assertEquals(EntropyController.MAX, c, 0);
    }
}
