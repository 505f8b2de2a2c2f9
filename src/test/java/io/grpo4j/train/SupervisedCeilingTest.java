package io.grpo4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpo4j.config.ConfigLoader;
import io.grpo4j.config.RunConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupervisedCeilingTest {
    static final Path PROJECT = Path.of("").toAbsolutePath();

    @Test
    void shownTheAnswersTheModelLearnsThemThroughTheGrpoUpdate() throws IOException {
        // four training problems, evaluated on those same four: the ceiling must memorise them
        RunConfig c = ConfigLoader.load(null, List.of("data.train.limit=4", "data.eval.path=datasets/arithmetic/train.jsonl",
                "data.eval.limit=4", "model.init.hidden=32", "model.init.layers=1", "model.init.heads=2", "model.init.kv_heads=1",
                "model.init.ffn=64", "grpo.num_generations=4", "grpo.prompts_per_step=4", "grpo.minibatch_size=16",
                "grpo.micro_batch_size=16", "optim.lr=0.01", "optim.warmup_steps=0"));
        List<SupervisedCeiling.Point> seen = new ArrayList<>();
        List<SupervisedCeiling.Point> points = SupervisedCeiling.run(c, PROJECT, 60, 30,
                SupervisedCeiling.defaultCompletion(c), seen::add);
        assertEquals(points, seen);
        assertEquals(List.of(0, 30, 60), points.stream().map(SupervisedCeiling.Point::step).toList());
        assertEquals(60 * 16, points.get(2).examples());
        assertEquals(0.0, points.get(0).formatRate(), 1e-12, "a random model does not write the format");
        assertEquals(1.0, points.get(2).passAt1(), 1e-12, points.toString());
        assertEquals(1.0, points.get(2).formatRate(), 1e-12, points.toString());
        assertEquals("</think><answer>{answer}</answer>", SupervisedCeiling.defaultCompletion(c)); // the preset pre-fills <think>
    }

    @Test
    void aCompletionWithoutTheAnswerIsRefused() throws IOException {
        RunConfig c = ConfigLoader.load(null, List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SupervisedCeiling.run(c, PROJECT, 1, 1, "<answer>42</answer>", p -> { }));
        assertEquals("the completion format must contain {answer}, got \"<answer>42</answer>\"", e.getMessage());
        assertTrue(SupervisedCeiling.defaultCompletion(ConfigLoader.load(null, List.of("data.prefill_think=false"))).startsWith("<think></think>"));
    }
}
