package io.grpo4j.cli;

import java.nio.file.Path;

/** Where grpo4j is installed (the launcher passes -Dgrpo4j.home); paths in the embedded default config are relative to it. */
final class Home {
    private Home() {}

    static Path dir() {
        String home = System.getProperty("grpo4j.home");
        return home == null ? Path.of("").toAbsolutePath() : Path.of(home);
    }
}
