package io.grpo4j.reward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The class loader for Java rule plugins: the classpath, plus every jar in a {@code --plugins} folder. */
final class Plugins {
    private Plugins() {}

    /** A loader over the jars in {@code dir} (parent: our own loader); null dir = our own loader. */
    static ClassLoader loader(Path dir) {
        ClassLoader parent = RuleSet.class.getClassLoader();
        if (dir == null) {
            return parent;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("plugins folder " + dir + " not found: pass a folder holding rule jars");
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                if (p.getFileName().toString().endsWith(".jar")) {
                    jars.add(p.toUri().toURL());
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("plugins folder " + dir + ": bad jar path: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins folder " + dir + ": " + e.getMessage(), e);
        }
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("plugins folder " + dir + " holds no .jar files");
        }
        return new URLClassLoader(jars.toArray(URL[]::new), parent);
    }
}
