package io.grpo4j.train;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code checkpoints/} folder of a run: {@code step-N/} directories, each written completely
 * under a temporary name and then renamed, so a crash never leaves a half checkpoint under a real
 * name. Keeps the newest K.
 */
public final class Checkpoints {
    private static final Pattern NAME = Pattern.compile("step-(\\d+)");
    private final Path root;

    public Checkpoints(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Writes checkpoint {@code step} with {@code writer} filling a fresh folder, then publishes it. */
    public Path save(int step, DirectoryWriter writer, int keep) throws IOException {
        Files.createDirectories(root);
        Path tmp = root.resolve(".tmp-step-" + step);
        deleteTree(tmp);
        Files.createDirectories(tmp);
        writer.write(tmp);
        Path target = root.resolve("step-" + step);
        deleteTree(target);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + tmp + " atomically to " + target + ": keep runs on a local disk", e);
        }
        prune(keep);
        return target;
    }

    /** Checkpoint folders, oldest first; temporary leftovers of a crash are ignored. */
    public List<Path> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(Checkpoints::stepOf))
                    .toList();
        }
    }

    public Optional<Path> latest() throws IOException {
        List<Path> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public static int stepOf(Path checkpoint) {
        Matcher m = NAME.matcher(checkpoint.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(checkpoint + " is not a checkpoint folder (expected step-N)");
        }
        return Integer.parseInt(m.group(1));
    }

    private void prune(int keep) throws IOException {
        List<Path> all = new ArrayList<>(list());
        while (all.size() > keep) {
            deleteTree(all.remove(0));
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    /** Fills a checkpoint folder. */
    @FunctionalInterface
    public interface DirectoryWriter {
        void write(Path dir) throws IOException;
    }
}
