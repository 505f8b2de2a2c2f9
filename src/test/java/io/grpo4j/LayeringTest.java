package io.grpo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: cli → train → {grpo, generate, eval, report} → model; data and reward import no DJL. */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/io/grpo4j");

    /** package → import prefixes it must not use. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "config", List.of("ai.djl", "io.grpo4j.model", "io.grpo4j.generate", "io.grpo4j.grpo", "io.grpo4j.train", "io.grpo4j.cli", "io.grpo4j.eval", "io.grpo4j.report"),
            "data", List.of("ai.djl", "io.grpo4j.model", "io.grpo4j.generate", "io.grpo4j.grpo", "io.grpo4j.train", "io.grpo4j.cli", "io.grpo4j.eval", "io.grpo4j.report", "io.grpo4j.reward"),
            "reward", List.of("ai.djl", "io.grpo4j.model", "io.grpo4j.generate", "io.grpo4j.grpo", "io.grpo4j.train", "io.grpo4j.cli", "io.grpo4j.eval", "io.grpo4j.report"),
            "model", List.of("io.grpo4j.generate", "io.grpo4j.grpo", "io.grpo4j.train", "io.grpo4j.cli", "io.grpo4j.eval", "io.grpo4j.report"),
            "generate", List.of("io.grpo4j.grpo", "io.grpo4j.train", "io.grpo4j.cli", "io.grpo4j.eval", "io.grpo4j.report"),
            "grpo", List.of("io.grpo4j.generate", "io.grpo4j.train", "io.grpo4j.cli", "io.grpo4j.eval", "io.grpo4j.report"),
            "eval", List.of("io.grpo4j.train", "io.grpo4j.cli", "io.grpo4j.report"),
            "report", List.of("ai.djl", "io.grpo4j.train", "io.grpo4j.cli"),
            "train", List.of("io.grpo4j.cli"));

    @Test
    void importsPointOneWay() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                String pkg = MAIN.relativize(p).getName(0).toString();
                List<String> banned = FORBIDDEN.getOrDefault(pkg, List.of());
                try {
                    for (String line : Files.readAllLines(p)) {
                        if (line.startsWith("import ")) {
                            String imported = line.substring(7).replace("static ", "").trim();
                            for (String b : banned) {
                                if (imported.startsWith(b + ".") || imported.startsWith(b + ";")) {
                                    violations.add(p + ": " + line);
                                }
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertEquals(List.of(), violations, "imports against the package layering");
    }
}
