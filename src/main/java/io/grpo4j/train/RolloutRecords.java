package io.grpo4j.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** rollouts.jsonl lines: one per logged completion, with its parts, rewards and advantage. */
final class RolloutRecords {
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
            ObjectNode o = JSON.createObjectNode();
            o.put("step", step);
            o.put("prompt_id", x.problem().id());
            o.put("sample", x.completion().sampleIndex());
            o.put("prompt", x.prompt());
            o.put("completion", x.completion().text());
            String[] parts = Monologue.split(x.completion().text());
            o.put("think", parts[0]);
            o.put("answer", parts[1]);
            o.put("gold", x.problem().answer());
            ObjectNode rewards = o.putObject("rewards");
            x.reward().scores().forEach((k, v) -> StepMetrics.put(rewards, k, v));
            if (!x.reward().reasons().isEmpty()) {
                ObjectNode reasons = o.putObject("reasons");
                x.reward().reasons().forEach(reasons::put);
            }
            o.put("reward", x.reward().total());
            o.put("advantage", x.advantage());
            o.put("length", x.completion().tokenIds().length);
            o.put("finish_reason", x.completion().finishReason().json());
            out.add(o);
        }
        return out;
    }
}
