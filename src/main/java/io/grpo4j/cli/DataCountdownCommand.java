package io.grpo4j.cli;

import io.grpo4j.data.CountdownGenerator;
import io.grpo4j.data.GeneratedSets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grpo4j data countdown}: writes TinyZero-style Countdown instances as JSONL. */
@Command(
        name = "countdown",
        mixinStandardHelpOptions = true,
        description = {
            "Generate Countdown instances (TinyZero style: 3-4 numbers in 1..100, a target reachable by construction)"
                    + " as JSONL (columns id, question, nums, target, solution).",
            "No test instance ever appears in the training file.",
            "Example: grpo4j data countdown --count 2000 --test-count 200 --seed 1"
                    + " --out datasets/countdown/train.jsonl --test-out datasets/countdown/test.jsonl"
        })
final class DataCountdownCommand implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "1000", description = "Training instances. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--test-count", defaultValue = "0", description = "Test instances (distinct, disjoint from training); needs --test-out. Default: ${DEFAULT-VALUE}.")
    int testCount;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed; same options, same files. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--min-numbers", defaultValue = "3", description = "Fewest numbers per instance. Default: ${DEFAULT-VALUE}.")
    int minNumbers;

    @Option(names = "--max-numbers", defaultValue = "4", description = "Most numbers per instance. Default: ${DEFAULT-VALUE}.")
    int maxNumbers;

    @Option(names = "--max-number", defaultValue = "100", description = "Largest number drawn (smallest is 1). Default: ${DEFAULT-VALUE}.")
    int maxNumber;

    @Option(names = "--max-target", defaultValue = "100", description = "Largest target kept (smallest is 1). Default: ${DEFAULT-VALUE}.")
    int maxTarget;

    @Option(names = "--out", paramLabel = "FILE", description = "Training JSONL file; standard output when left out.")
    Path out;

    @Option(names = "--test-out", paramLabel = "FILE", description = "Test JSONL file.")
    Path testOut;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DataArithmeticCommand.checkOutputs(testCount, testOut);
        GeneratedSets sets = CountdownGenerator.generate(new CountdownGenerator.Options(
                count, testCount, seed, minNumbers, maxNumbers, maxNumber, maxTarget));
        DataArithmeticCommand.writeSets(spec, sets, out, testOut);
        return 0;
    }
}
