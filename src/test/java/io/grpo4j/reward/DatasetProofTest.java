package io.grpo4j.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.grpo4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The accuracy rule on real data: reference solutions must be judged correct against their own
 * gold answers, and mismatched pairs wrong. Rows are read here with Jackson (not through the data
 * package) so the reward package is proven on its own.
 */
class DatasetProofTest {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

    static List<Map<String, Object>> rows(String dataset) throws IOException {
        Path file = Shared.dataset(dataset).resolve("test.jsonl");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = JSON.readValue(line, Map.class);
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<RewardResult> score(RuleSet rules, List<String> completions, List<String> golds) {
        List<RewardInput> inputs = new ArrayList<>();
        for (int i = 0; i < completions.size(); i++) {
            inputs.add(new RewardInput("", completions.get(i), -1, "stop", golds.get(i), Map.of()));
        }
        return rules.scoreAll(inputs);
    }

    @Test
    void gsm8kReferenceSolutionsAreCorrectAndShuffledPairsAreWrong() throws IOException {
        List<Map<String, Object>> rows = rows("gsm8k");
        assertEquals(1319, rows.size(), "GSM8K test split");
        // The solution ends with "#### 70000" and the gold is the same field: extraction must find
        // the final number in both (found after "####"), through the calculator notes "<<a*b=c>>".
        List<String> solutions = rows.stream().map(r -> (String) r.get("answer")).toList();
        try (RuleSet rules = RuleSet.load("accuracy", null)) {
            List<RewardResult> own = score(rules, solutions, solutions);
            List<String> misses = new ArrayList<>();
            for (int i = 0; i < own.size(); i++) {
                if (own.get(i).scores().get("accuracy") != 1.0) {
                    misses.add(i + ": " + own.get(i).reasons().get("accuracy"));
                }
            }
            assertEquals(List.of(), misses, "every reference solution is correct against its own gold");

            // Pair each solution with another row's gold (seeded shuffle, no row kept in place).
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(7));
            List<String> shuffledGold = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                int j = order.get(i) == i ? order.get((i + 1) % rows.size()) : order.get(i);
                shuffledGold.add(solutions.get(j));
            }
            List<RewardResult> mixed = score(rules, solutions, shuffledGold);
            long wrong = mixed.stream().filter(r -> r.scores().get("accuracy") == 0.0).count();
            // Two different problems can share an answer (40 of the 1,319 golds are "5"), so a few
            // shuffled pairs are rightly "correct"; the issue asks for well over 95% wrong.
            assertTrue(wrong > 0.95 * rows.size(), "shuffled pairs judged wrong: " + wrong + " of " + rows.size());
            assertEquals(0L, rules.failureCounts().get("accuracy"), "no timeouts or errors");
        }
    }

    @Test
    void math500ReferenceSolutionsMatchTheirAnswers() throws IOException {
        List<Map<String, Object>> rows = rows("math500");
        assertEquals(500, rows.size(), "MATH-500");
        List<String> solutions = rows.stream().map(r -> (String) r.get("solution")).toList();
        List<String> answers = rows.stream().map(r -> (String) r.get("answer")).toList();
        try (RuleSet rules = RuleSet.load("accuracy", null)) {
            List<RewardResult> results = score(rules, solutions, answers);
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).scores().get("accuracy") != 1.0) {
                    failures.add(rows.get(i).get("unique_id") + " answer " + answers.get(i) + ": "
                            + results.get(i).reasons().get("accuracy"));
                }
            }
            System.err.println("MATH-500 solution vs answer: " + (500 - failures.size()) + "/500 equivalent; failures: " + failures);
            assertTrue(failures.size() <= 10, "at least 98% equivalent; failures: " + failures);

            // The same answers against another problem's answer must mostly differ (the judge is not lax).
            List<String> rotated = new ArrayList<>(answers.subList(1, 500));
            rotated.add(answers.get(0));
            long same = score(rules, solutions, rotated).stream().filter(r -> r.scores().get("accuracy") == 1.0).count();
            assertTrue(same < 25, "neighbouring answers judged equal: " + same);
        }
    }
}
