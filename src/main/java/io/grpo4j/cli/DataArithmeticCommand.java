package io.grpo4j.cli;

import io.grpo4j.data.ArithmeticGenerator;
import io.grpo4j.data.GeneratedSets;
import io.grpo4j.data.ProblemFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grpo4j data arithmetic}: writes arithmetic problems (train, and optionally a disjoint test split) as JSONL. */
@Command(
        name = "arithmetic",
        mixinStandardHelpOptions = true,
        description = {
            "Generate arithmetic problems like 37+5, 12-9, 6*7 as JSONL (columns id, question, answer, a, b, op).",
            "No test question ever appears in the training file.",
            "Example: grpo4j data arithmetic --ops +,- --digits 1,2 --count 10000 --test-count 500 --seed 1"
                    + " --out datasets/arithmetic/train.jsonl --test-out datasets/arithmetic/test.jsonl"
        })
final class DataArithmeticCommand implements Callable<Integer> {
    @Option(names = "--ops", split = ",", defaultValue = "+,-", description = "Operators, from + - * / (/ only where exact). Default: ${DEFAULT-VALUE}.")
    List<String> ops;

    @Option(names = "--digits", split = ",", defaultValue = "1,2", description = "Allowed operand digit counts (1 digit: 0..9). Default: ${DEFAULT-VALUE}.")
    List<Integer> digits;

    @Option(names = "--count", defaultValue = "1000", description = "Training problems. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--test-count", defaultValue = "0", description = "Test problems (distinct, disjoint from training); needs --test-out. Default: ${DEFAULT-VALUE}.")
    int testCount;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed; same options, same files. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Training JSONL file; standard output when left out.")
    Path out;

    @Option(names = "--test-out", paramLabel = "FILE", description = "Test JSONL file.")
    Path testOut;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkOutputs(testCount, testOut);
        GeneratedSets sets = ArithmeticGenerator.generate(new ArithmeticGenerator.Options(ops, digits, count, testCount, seed));
        writeSets(spec, sets, out, testOut);
        return 0;
    }

    /** A test split needs its own file, and a test file needs a test split. */
    static void checkOutputs(int testCount, Path testOut) {
        if (testCount > 0 && testOut == null) {
            throw new UserError("--test-count " + testCount + " needs --test-out FILE for the test split");
        }
        if (testCount == 0 && testOut != null) {
            throw new UserError("--test-out is given but --test-count is 0: set --test-count N");
        }
    }

    /** Writes the training set to {@code out} (stdout when null) and the test set to {@code testOut}; reports on stderr. */
    static void writeSets(CommandSpec spec, GeneratedSets sets, Path out, Path testOut) throws IOException {
        if (out == null) {
            ProblemFiles.write(sets.train(), spec.commandLine().getOut());
        } else {
            ProblemFiles.write(sets.train(), out);
            spec.commandLine().getErr().println("wrote " + sets.train().size() + " training problems to " + out);
        }
        if (testOut != null) {
            ProblemFiles.write(sets.test(), testOut);
            spec.commandLine().getErr().println("wrote " + sets.test().size() + " test problems to " + testOut);
        }
    }
}
