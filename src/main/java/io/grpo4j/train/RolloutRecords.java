package io.grpo4j.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.data.Problem;
import io.grpo4j.generate.Completion;
import io.grpo4j.reward.RewardResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** rollouts.jsonl lines: one per logged completion, with its parts, rewards and advantage. */
public final class RolloutRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RolloutRecords() {}

    /** All completions of the step, or a seeded sample of {@code limit} (-1 = all). */
    static List<ObjectNode> of(int step, StepBatch batch, int limit, long seed) {
        List<StepBatch.Sample> s = new ArrayList<>(batch.samples());
        if (limit >= 0 && limit < s.size()) {
            java.util.Collections.shuffle(s, new Random(seed * 31 + step));
            s = s.subList(0, limit);
        }
        List<ObjectNode> out = new ArrayList<>(s.size());
        for (StepBatch.Sample x : s) {
            out.add(record(step, x.problem(), x.prompt(), x.completion(), x.reward(), x.advantage()));
        }
        return out;
    }

    /**
     * One line: prompt, completion, its think and answer parts, gold, every rule's score (NaN as
     * null) and reason, total, advantage (null when there is none, as in evaluation), length and
     * finish reason.
     */
    public static ObjectNode record(int step, Problem problem, String prompt, Completion completion, RewardResult reward,
            Double advantage) {
        ObjectNode o = JSON.createObjectNode();
        o.put("step", step);
        o.put("prompt_id", problem.id());
        o.put("source", problem.source());
        o.put("sample", completion.sampleIndex());
        o.put("prompt", prompt);
        o.put("completion", completion.text());
        String[] parts = Monologue.split(completion.text());
        o.put("think", parts[0]);
        o.put("answer", parts[1]);
        o.put("gold", problem.answer());
        ObjectNode rewards = o.putObject("rewards");
        reward.scores().forEach((k, v) -> StepMetrics.put(rewards, k, v));
        if (!reward.reasons().isEmpty()) {
            ObjectNode reasons = o.putObject("reasons");
            reward.reasons().forEach(reasons::put);
        }
        o.put("reward", reward.total());
        if (advantage == null) {
            o.putNull("advantage");
        } else {
            o.put("advantage", advantage);
        }
        o.put("length", completion.tokenIds().length);
        o.put("finish_reason", completion.finishReason().json());
        return o;
    }
}
