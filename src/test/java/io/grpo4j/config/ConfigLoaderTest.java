package io.grpo4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @Test
    void embeddedDefaultResolvesWithOverrides() throws IOException {
        RunConfig c = ConfigLoader.load(null, List.of("grpo.beta=0.04", "run.name=x", "sampling.stop_strings=[]"));
        assertEquals(0.04, c.grpo().beta());
        assertEquals("x", c.run().name());
        assertEquals(List.of(), c.sampling().stopStrings());
        assertEquals("r1-zero", c.data().template());
        // the resolved config round-trips through its JSON
        RunConfig again = ConfigLoader.bind(ConfigLoader.mapper().readTree(ConfigLoader.toJson(c)), "resolved");
        assertEquals(c, again);
    }

    @Test
    void errorsNameTheFieldAndSuggestValues(@TempDir Path tmp) throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, List.of("grpo.loss_type=ppo")));
        assertEquals("embedded default config with --set grpo.loss_type=ppo: grpo.loss_type must be one of [grpo, bnpo, dapo, dr_grpo],"
                + " got 'ppo'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, List.of("grpo.minibatch_size=100")));
        assertTrue(e.getMessage().contains("grpo.minibatch_size (100) must divide prompts_per_step × num_generations (256); try"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, List.of("grpo.bogus=1")));
        assertTrue(e.getMessage().startsWith("embedded default config with --set grpo.bogus=1: unknown config field 'grpo.bogus'"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, List.of("grpo.entropy_coef=0", "grpo.entropy_target=1")));
        assertEquals("embedded default config with --set grpo.entropy_coef=0 --set grpo.entropy_target=1: grpo.entropy_target"
                + " needs a starting grpo.entropy_coef > 0 (for example 0.01), got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, List.of("grpo.entropy_after=\"\"")));
        assertTrue(e.getMessage().endsWith("grpo.entropy_after must be a non-empty text (such as \"<answer>\") or null for every token,"
                + " got \"\""), e.getMessage());
        Path yaml = tmp.resolve("run.yaml");
        Files.writeString(yaml, "run:\n  name: y\nmodel:\n  path: models/x\ndata:\n  train: {path: d.jsonl, format: gsm8k}\n");
        RunConfig c = ConfigLoader.load(yaml, List.of());
        assertEquals("models/x", c.model().path());
        Files.writeString(yaml, "run: [\n");
        IOException io = assertThrows(IOException.class, () -> ConfigLoader.load(yaml, List.of()));
        assertTrue(io.getMessage().startsWith(yaml + ": not valid YAML"), io.getMessage());
        Files.writeString(yaml, "run:\n  name: y\ndata:\n  train: {path: d.jsonl}\n");
        e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(yaml, List.of()));
        assertEquals(yaml + ": config section 'model' is missing", e.getMessage());
    }
}
