package io.grpo4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.data.Problem;
import io.grpo4j.generate.Completion;
import io.grpo4j.generate.FinishReason;
import io.grpo4j.reward.RewardResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void barFillsInEighthsOfACell() {
        assertEquals("[····]", Progress.bar(0, 10, 4));
        assertEquals("[██··]", Progress.bar(5, 10, 4));
        assertEquals("[▏·]", Progress.bar(1, 16, 2)); // 1/16 of 2 cells = 1 eighth
        assertEquals("[█▌]", Progress.bar(3, 4, 2)); // 1.5 cells
        assertEquals("[████]", Progress.bar(12, 10, 4)); // never past full
    }

    @Test
    void durationsReadLikeAClock() {
        assertEquals("42s", Progress.duration(42.2));
        assertEquals("5m08s", Progress.duration(308));
        assertEquals("1h02m", Progress.duration(3725));
        assertEquals("?", Progress.duration(Double.NaN));
    }

    @Test
    void pipedOutputKeepsOneLinePerStepAndATerminalRedrawsInPlace() {
        ObjectNode m = new ObjectMapper().createObjectNode();
        m.put("reward", 0.5);
        m.put("rewards/accuracy/mean", 0.25);
        m.put("completions/mean_length", 12.5);
        m.put("frac_reward_zero_std", 0.125);
        assertEquals("[███·····] 3/8  37%  reward 0.500  acc 0.250  fmt -  len 12.5  zero-std 0.13  1.50s/step  left 7s",
                Progress.line(3, 8, m, 1.5, 7.4).replaceAll("\\[.*?\\]", "[███·····]"));

        ByteArrayOutputStream piped = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(piped, true, StandardCharsets.UTF_8), false, 8, 0);
        p.step(1, m, 1);
        p.println("eval");
        p.step(2, m, 1);
        String[] lines = piped.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].contains(" 1/8 ") && lines[1].equals("eval") && lines[2].contains(" 2/8 "), String.join("|", lines));

        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        Progress live = new Progress(new PrintStream(tty, true, StandardCharsets.UTF_8), true, 8, 0);
        live.step(1, m, 1);
        live.println("eval");
        live.step(2, m, 1);
        live.finish();
        String s = tty.toString(StandardCharsets.UTF_8);
        // the bar is redrawn after a carriage return and cleared before a permanent line
        assertEquals(3, s.split("\r\033\\[2K", -1).length - 1, s);
        assertTrue(s.contains("\r\033[2Keval\n") && s.endsWith("\n"), s);
    }

    @Test
    void monologueTableShowsOneSamplePerGroupWithItsParts() {
        List<StepBatch.Sample> samples = new ArrayList<>();
        String[] texts = {"7+5=12</think> <answer>12</answer>", "no tags at all\nsecond line", "</think><answer>3</answer>",
            "x</think><answer>4</answer>"};
        for (int q = 0; q < 2; q++) {
            for (int g = 0; g < 2; g++) {
                LinkedHashMap<String, Double> scores = new LinkedHashMap<>(Map.of("accuracy", 1.0));
                RewardResult r = new RewardResult(q + g * 0.5, scores, new LinkedHashMap<>());
                Completion c = new Completion(q, g, new int[5 + g], texts[q * 2 + g], new float[5 + g],
                        g == 0 ? FinishReason.STOP_STRING : FinishReason.LENGTH);
                samples.add(new StepBatch.Sample(new Problem("p" + q, "arith", q == 0 ? "7+5" : "1+2", q == 0 ? "12" : "3", Map.of()),
                        "prompt", new int[] {1}, c, r, g == 0 ? 0.7 : -0.7, 0));
            }
        }
        List<String> lines = MonologueTable.render(new StepBatch(samples, 0, 1, 20, 0), 2, 2);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).matches("\\s+question\\s+gold\\s+answer\\s+reward\\s+adv\\s+len\\s+stop\\s+think"), lines.get(0));
        // first group, first sample; second group, second sample
        assertTrue(lines.get(1).matches("\\s+7\\+5\\s+12\\s+12\\s+0\\.00\\s+\\+0\\.70\\s+5\\s+stop_string\\s+7\\+5=12"), lines.get(1));
        assertTrue(lines.get(2).matches("\\s+1\\+2\\s+3\\s+4\\s+1\\.50\\s+-0\\.70\\s+6\\s+length\\s+x"), lines.get(2));
        assertEquals("no tags at⏎…", MonologueTable.clip("no tags at\nsecond", 12));
    }
}
