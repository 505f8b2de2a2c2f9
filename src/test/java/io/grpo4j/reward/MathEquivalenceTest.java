package io.grpo4j.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpo4j.reward.math.LimitExceeded;
import io.grpo4j.reward.math.MathEquivalence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Equivalence of final answers: each pair is a form a model or dataset really writes. */
class MathEquivalenceTest {

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {
        // integers, signs, leading zeros (AIME writes "025")
        "12 | 12", "-3 | -3", "025 | 25", "\u22123 | -3",
        // thousands separators (GSM8K gold "#### 1,600"), dollars, units
        "1600 | 1,600", "1,450,000 | 1450000", "\\$1,600 | 1600", "1{,}600 | 1600", "18 dollars | 18",
        "10\\text{ cm} | 10", "5 \\mbox{ inches} | 5", "$12$ | 12",
        // decimals and fractions, exactly
        "0.5 | \\frac{1}{2}", "\\dfrac12 | 0.5", "3/4 | \\frac{3}{4}", "-\\frac{2}{3} | \\frac{-2}{3}", "1.50 | 1.5",
        "\\frac{10}{4} | 2.5", "7. | 7",
        // percent, degrees
        "50\\% | 50", "30^\\circ | 30", "30^{\\circ} | 30", "45\u00b0 | 45",
        // variable prefixes, boxed
        "x = 5 | 5", "x=\\frac{1}{2} | 0.5", "\\boxed{42} | 42",
        // closed forms: exact when rational, numeric otherwise
        "\\sqrt{4} | 2", "2\\sqrt{2} | \\sqrt{8}", "\\frac{\\sqrt{3}}{2} | 0.8660254038", "\\pi | 3.14159265359",
        "2\\pi | \\pi\\cdot 2", "\\sqrt[3]{27} | 3", "2^{10} | 1024", "10^3 | 1000", "5! | 120", "\\log_2 8 | 3",
        // algebra at random points
        "2(x+1) | 2x+2", "(a+b)^2 | a^2+2ab+b^2", "\\frac{x^2-1}{x-1} | x+1", "y = 2x + 3 | 3+2x",
        // tuples, intervals, sets, lists, unions, equations, matrices
        "(1, 2) | (1,2)", "\\left( 3, \\frac{\\pi}{2} \\right) | (3, \\frac{\\pi}{2})", "[0, 1) | [0,1)",
        "(-\\infty, 3] | (-\\infty,3]", "\\{1, 2, 3\\} | \\{3, 1, 2\\}", "1, 2 | 2, 1", "-2, 1 | \\{1,-2\\}",
        "[0,1) \\cup (2,3] | (2,3] \\cup [0,1)", "x^2+y^2=1 | y^2+x^2=1",
        "\\begin{pmatrix} 1 \\\\ -2 \\end{pmatrix} | \\begin{pmatrix}1\\\\-2\\end{pmatrix}",
        "\\begin{pmatrix} 1/2 & 0 \\\\ 0 & 1 \\end{pmatrix} | \\begin{pmatrix} 0.5 & 0 \\\\ 0 & 1 \\end{pmatrix}",
        // words
        "\\text{(C)} | C", "\\text{Evelyn} | Evelyn", "(C) | \\text{(C)}",
    })
    void equivalent(String predicted, String gold) {
        assertTrue(MathEquivalence.equivalent(predicted, gold), predicted + " vs " + gold + ": "
                + MathEquivalence.compare(predicted, gold));
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {
        "12 | 13", "-3 | 3", "1600 | 160", "1, 600 | 1600", "0.333 | \\frac{1}{3}", "0.866 | \\frac{\\sqrt{3}}{2}",
        "\\pi | 3.14", "2x+1 | 2x+2", "x^2 | x^3", "(1, 2) | (2, 1)", "(1, 2) | [1, 2]", "[0, 1) | [0, 1]",
        "\\{1, 2\\} | \\{1, 2, 3\\}", "1, 2 | 1, 3", "(1,2) | 1, 2", "\\text{(C)} | D", "Evelyn | Alice",
        "\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix} | \\begin{pmatrix} 2 \\\\ 1 \\end{pmatrix}", "5 | 1/0", "12 | 12x",
        "10^{400} | 10^{401}",
    })
    void notEquivalent(String predicted, String gold) {
        assertFalse(MathEquivalence.equivalent(predicted, gold), predicted + " vs " + gold + ": "
                + MathEquivalence.compare(predicted, gold));
    }

    @Test
    void rationalsAreComparedExactlyAndClosedFormsNumerically() {
        // 1/3 is rational, so "0.3333333333" is a rounding and must not pass however many 3s it has
        assertEquals(new MathEquivalence.Verdict(false, "exact"), MathEquivalence.compare("0.3333333333", "\\frac13"));
        // sqrt(2) = 1.41421356237..., the prediction differs by 3.7e-10 < 1e-6 relative
        assertEquals(new MathEquivalence.Verdict(true, "numeric"), MathEquivalence.compare("1.4142135620", "\\sqrt{2}"));
    }

    @Test
    void hugeNumbersAndDeepNestingAreTooLarge() {
        // 10^(10^10) has ten billion digits: refused, not computed
        LimitExceeded power = assertThrows(LimitExceeded.class, () -> MathEquivalence.compare("10^10^10", "5"));
        assertEquals("too large", power.getMessage());
        String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
        assertThrows(LimitExceeded.class, () -> MathEquivalence.compare(deep.substring(0, 4000), "1"));
        assertThrows(LimitExceeded.class, () -> MathEquivalence.compare("1".repeat(1_000_000), "1"));
        assertThrows(LimitExceeded.class, () -> MathEquivalence.compare("9".repeat(1500), "1"));
    }
}
