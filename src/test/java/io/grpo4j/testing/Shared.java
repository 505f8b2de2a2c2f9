package io.grpo4j.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the read-only inputs in {@code ../shared} (real tokenizers and datasets). A test that
 * needs them fails with a clear message when they are missing instead of passing silently.
 */
public final class Shared {
    private Shared() {}

    /** The shared folder: system property {@code grpo4j.shared}, else {@code ../shared}. */
    public static Path root() {
        String prop = System.getProperty("grpo4j.shared");
        Path root = prop != null ? Path.of(prop) : Path.of("..", "shared");
        if (!Files.isDirectory(root)) {
            throw new AssertionError("shared inputs not found at " + root.toAbsolutePath()
                    + ": clone the project next to shared/ (or pass -Dgrpo4j.shared=DIR)");
        }
        return root.toAbsolutePath().normalize();
    }

    /** A path under the shared folder that must exist. */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionError("missing shared input " + p + ": the tests read it from ../shared");
        }
        return p;
    }

    public static Path tokenizer(String name) {
        return path("tokenizers/" + name);
    }

    public static Path dataset(String name) {
        return path("datasets/" + name);
    }
}
