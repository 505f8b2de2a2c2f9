package io.grpo4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpo4j.data.ArithmeticGenerator;
import io.grpo4j.data.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "arithmetic", mixinStandardHelpOptions = true,
        description = "Generate arithmetic problems (e.g. 37+5) as JSONL; train and test splits never share a question.",
        footer = {"", "Example (the shipped set):",
            "  grpo4j data arithmetic --ops +,- --digits 1,2 --count 20000 --test-count 500 --seed 1 --out datasets/arithmetic"})
final class DataArithmeticCommand implements Callable<Integer> {
    @Option(names = "--ops", split = ",", defaultValue = "+,-", description = "Operators among + - * (default: ${DEFAULT-VALUE}).")
    List<Character> ops;

    @Option(names = "--digits", split = ",", defaultValue = "1,2", description = "Operand digit counts (default: ${DEFAULT-VALUE}).")
    List<Integer> digits;

    @Option(names = "--count", defaultValue = "1000", description = "Training problems (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--test-count", defaultValue = "0", description = "Held-out problems, disjoint from train (default: ${DEFAULT-VALUE}).")
    int testCount;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--out", description = "Folder for train.jsonl (and test.jsonl); default: JSONL on stdout.")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<Problem> test = ArithmeticGenerator.generate(ops, digits, testCount, seed + 1, Set.of(), "test-");
        Set<String> held = new HashSet<>();
        test.forEach(p -> held.add(p.question()));
        List<Problem> train = ArithmeticGenerator.generate(ops, digits, count, seed, held, "train-");
        if (out == null) {
            if (testCount > 0) {
                throw new UserError("--test-count needs --out DIR (two files)");
            }
            write(train, System.out);
            return 0;
        }
        Files.createDirectories(out);
        try (PrintStream ps = new PrintStream(Files.newOutputStream(out.resolve("train.jsonl")), false, "UTF-8")) {
            write(train, ps);
        }
        if (testCount > 0) {
            try (PrintStream ps = new PrintStream(Files.newOutputStream(out.resolve("test.jsonl")), false, "UTF-8")) {
                write(test, ps);
            }
        }
        System.err.printf("wrote %d train%s problems to %s%n", train.size(), testCount > 0 ? " and " + test.size() + " test" : "", out);
        return 0;
    }

    private static void write(List<Problem> problems, PrintStream ps) throws IOException {
        ObjectMapper om = new ObjectMapper();
        for (Problem p : problems) {
            ps.println(om.writeValueAsString(new java.util.LinkedHashMap<>(orderedColumns(p))));
        }
    }

    private static java.util.Map<String, Object> orderedColumns(Problem p) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (String k : new String[] {"id", "question", "answer", "a", "b", "op"}) {
            m.put(k, p.columns().get(k));
        }
        return m;
    }
}
