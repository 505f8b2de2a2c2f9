package io.grpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code grpo4j data arithmetic|countdown}, run through the real command line. */
class DataCommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(List<String> args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args.toArray(new String[0]));
    }

    private int run(String... args) {
        return run(List.of(args));
    }

    @Test
    void theReadmeCommandsRemakeTheShippedFilesByteForByte(@TempDir Path dir) throws IOException {
        List<String> commands = Files.readAllLines(Path.of("datasets/README.md")).stream()
                .filter(l -> l.startsWith("./grpo4j data "))
                .collect(Collectors.toList());
        assertEquals(2, commands.size(), "the README gives one command per generated set");
        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of(command.substring("./grpo4j ".length()).split(" ")));
            List<Path[]> outputs = new ArrayList<>(); // {shipped, remade}
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("--out") || args.get(i).equals("--test-out")) {
                    Path shipped = Path.of(args.get(i + 1));
                    Path remade = dir.resolve(shipped.getParent().getFileName() + "-" + shipped.getFileName());
                    outputs.add(new Path[] {shipped, remade});
                    args.set(i + 1, remade.toString());
                }
            }
            assertEquals(0, run(args), err.toString());
            assertEquals(2, outputs.size());
            for (Path[] o : outputs) {
                assertArrayEquals(Files.readAllBytes(o[0]), Files.readAllBytes(o[1]), command + " should remake " + o[0]);
            }
        }
    }

    @Test
    void arithmeticWritesToStdoutWithoutOut() {
        assertEquals(0, run("data", "arithmetic", "--ops", "*", "--digits", "1", "--count", "3", "--seed", "4"));
        List<String> lines = out.toString().lines().collect(Collectors.toList());
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("{\"id\":\"arithmetic-train-00000\",\"question\":\""), lines.get(0));
        assertTrue(lines.stream().allMatch(l -> l.contains("\"op\":\"*\"")));
        assertEquals("", err.toString(), "nothing but results on stdout, and no chatter on stderr either");
    }

    @Test
    void operatorListsMayStartWithAMinus(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("minus.jsonl");
        assertEquals(0, run("data", "arithmetic", "--ops", "-", "--count", "5", "--out", file.toString()));
        assertEquals(5, Files.readAllLines(file).size());
        assertEquals("wrote 5 training problems to " + file + System.lineSeparator(), err.toString());
    }

    @Test
    void aTestSplitNeedsItsFile() {
        assertEquals(1, run("data", "countdown", "--count", "5", "--test-count", "2"));
        assertEquals("grpo4j countdown: --test-count 2 needs --test-out FILE for the test split" + System.lineSeparator(), err.toString());
    }

    @Test
    void badOptionsAreOneLineErrors() {
        assertEquals(1, run("data", "arithmetic", "--ops", "+,%"));
        assertEquals("grpo4j arithmetic: arithmetic operators [+, %] are not valid: use some of + - * / separated by commas, "
                + "e.g. --ops +,-" + System.lineSeparator(), err.toString());
    }

    @Test
    void dataListsItsGenerators() {
        assertEquals(0, run("data", "--help"));
        assertTrue(out.toString().contains("arithmetic") && out.toString().contains("countdown"), out.toString());
        assertEquals(0, run("data", "countdown", "--help"));
        assertTrue(out.toString().contains("Usage: grpo4j data countdown"), out.toString());
    }
}
