package io.grpo4j.reward.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.grpo4j.reward.BatchRewardRule;
import io.grpo4j.reward.RewardInput;
import io.grpo4j.reward.RuleParams;
import io.grpo4j.reward.RuleScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code command}: a reward computed by an external program, started once and kept running.
 *
 * <p>Rule entry: {@code {"type": "command", "name": "judge", "command": ["python3", "judge.py"],
 * "timeout_ms": 10000, "batch_size": 256, "max_restarts": 5}}. The command is a list of words (no
 * shell); it runs in {@code cwd} (default: the rule file's folder).
 *
 * <p>Protocol: for each completion we write one line of JSON to its stdin:
 * {@code {"id": 7, "prompt": "...", "completion": "...", "completion_tokens": 42,
 * "finish_reason": "stop", "answer": "12", "row": {...}}}; requests go in batches of
 * {@code batch_size}, flushed. For each request it writes one line to stdout, in order: a number,
 * {@code null} (not applicable), or {@code {"score": 0.5, "reason": "..."}} (an {@code "id"}, if
 * present, must echo the request's). Its stderr is echoed to ours.
 *
 * <p>Failures never stop the run: a batch that takes longer than {@code timeout_ms} gets "timeout"
 * for its unanswered requests and the process is killed; a process that exits gets "command
 * exited (code N): last stderr lines"; an unreadable reply gets "bad reply". Each is NaN, counted in
 * {@link #failures()}, and the process is started again for the next batch, at most
 * {@code max_restarts} times in a row (the count starts again after a batch that is fully answered).
 */
public final class CommandRule implements BatchRewardRule {
    private static final ObjectMapper JSON = new JsonMapper();
    private static final long DEFAULT_TIMEOUT_MS = 10_000;

    private final String name;
    private final List<String> command;
    private final Path cwd;
    private final long timeoutNanos;
    private final int batchSize;
    private final int maxRestarts;
    private final AtomicLong failures = new AtomicLong();
    private CommandProcess process;
    private int restarts;
    private long nextId;
    private String lastFailure = "";

    /** Reads the entry and starts the command (a command that cannot start is a configuration error). */
    public CommandRule(String name, RuleParams p, Long timeoutMs) {
        this.name = name;
        Object raw = p.raw("command");
        List<String> words;
        if (raw instanceof String s) {
            words = Arrays.asList(s.trim().split("\\s+"));
        } else {
            words = p.strings("command", null);
        }
        if (words == null || words.isEmpty() || words.get(0).isEmpty()) {
            throw p.error("parameter 'command' is required: the program and its arguments, e.g. [\"python3\", \"judge.py\"]");
        }
        this.command = List.copyOf(words);
        String dir = p.string("cwd", null);
        this.cwd = dir == null ? p.baseDir() : p.baseDir().resolve(dir);
        if (!Files.isDirectory(cwd)) {
            throw p.error("cwd " + cwd + " is not a folder");
        }
        this.timeoutNanos = (timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs) * 1_000_000L;
        this.batchSize = p.integer("batch_size", 256);
        this.maxRestarts = p.integer("max_restarts", 5);
        if (batchSize < 1 || maxRestarts < 0) {
            throw p.error("need batch_size >= 1 and max_restarts >= 0, got " + batchSize + " and " + maxRestarts);
        }
        p.requireAllUsed();
        try {
            this.process = CommandProcess.start(command, cwd, "reward " + name);
        } catch (IOException e) {
            throw p.error("cannot start command " + command + " in " + cwd + ": " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleScore score(RewardInput in) {
        return scoreBatch(List.of(in)).get(0);
    }

    @Override
    public synchronized List<RuleScore> scoreBatch(List<RewardInput> inputs) {
        List<RuleScore> out = new ArrayList<>(inputs.size());
        for (int from = 0; from < inputs.size(); from += batchSize) {
            out.addAll(scoreChunk(inputs.subList(from, Math.min(inputs.size(), from + batchSize))));
        }
        return out;
    }

    @Override
    public long failures() {
        return failures.get();
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    private List<RuleScore> scoreChunk(List<RewardInput> chunk) {
        String unavailable = ensureRunning();
        if (unavailable != null) {
            return failAll(chunk.size(), unavailable);
        }
        List<String> requests = new ArrayList<>(chunk.size());
        long firstId = nextId;
        for (RewardInput in : chunk) {
            requests.add(request(nextId++, in));
        }
        process.send(requests);
        long deadline = System.nanoTime() + timeoutNanos;
        List<RuleScore> out = new ArrayList<>(chunk.size());
        try {
            while (out.size() < chunk.size()) {
                String line = process.next(deadline);
                if (line == null) {
                    process.kill();
                    process = null;
                    return finish(out, chunk.size(), "timeout");
                }
                if (line == CommandProcess.END_OF_OUTPUT) {
                    Integer code = process.exitCode();
                    String tail = process.stderrTail();
                    process = null;
                    return finish(out, chunk.size(), "command exited" + (code == null ? "" : " (code " + code + ")")
                            + (tail.isEmpty() ? "" : ": " + tail));
                }
                RuleScore score = reply(line, firstId + out.size());
                if (score == null) {
                    // the reply names another request: the stream is out of step, start afresh
                    process.kill();
                    process = null;
                    return finish(out, chunk.size(), "reply out of order");
                }
                out.add(score);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.kill();
            process = null;
            return finish(out, chunk.size(), "interrupted");
        }
        restarts = 0; // a whole batch answered: the command is healthy again
        return out;
    }

    /** Null when the process runs (started again if needed), else why it cannot. */
    private String ensureRunning() {
        if (process != null && process.isAlive()) {
            return null;
        }
        if (process != null) {
            process.close();
            process = null;
        }
        if (restarts >= maxRestarts) {
            return "command not restarted after " + restarts + " restarts" + (lastFailure.isEmpty() ? "" : "; last failure: " + lastFailure);
        }
        restarts++;
        try {
            process = CommandProcess.start(command, cwd, "reward " + name);
            return null;
        } catch (IOException e) {
            return "cannot restart command: " + e.getMessage();
        }
    }

    private String request(long id, RewardInput in) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("prompt", in.prompt());
        m.put("completion", in.completion());
        m.put("completion_tokens", in.completionTokens());
        m.put("finish_reason", in.finishReason());
        m.put("answer", in.answer());
        m.put("row", in.row());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("rule " + name + ": cannot write the request for row " + in.row()
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The score in one reply line; a failure score for a bad line; null when the id does not match. */
    private RuleScore reply(String line, long expectedId) {
        if (line == CommandProcess.LINE_TOO_LONG) {
            return fail("bad reply: line longer than " + CommandProcess.MAX_LINE_CHARS + " characters");
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return fail("bad reply: not JSON: " + abbreviate(line));
        }
        if (node == null || node.isNull()) {
            return RuleScore.notApplicable(null);
        }
        if (node.isNumber()) {
            return RuleScore.of(node.doubleValue());
        }
        if (node.isObject()) {
            JsonNode id = node.get("id");
            if (id != null && !(id.canConvertToLong() && id.asLong() == expectedId)) {
                return null;
            }
            JsonNode score = node.get("score");
            JsonNode reason = node.get("reason");
            String why = reason == null || reason.isNull() ? null : reason.asText();
            if (score == null || score.isNull()) {
                return RuleScore.notApplicable(why);
            }
            if (score.isNumber()) {
                return RuleScore.of(score.doubleValue(), why);
            }
        }
        return fail("bad reply: expected a number, null or {\"score\": ...}, got " + abbreviate(line));
    }

    private List<RuleScore> finish(List<RuleScore> done, int size, String reason) {
        List<RuleScore> out = new ArrayList<>(done);
        out.addAll(failAll(size - done.size(), reason));
        return out;
    }

    private List<RuleScore> failAll(int n, String reason) {
        List<RuleScore> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(fail(reason));
        }
        return n == 0 ? Collections.emptyList() : out;
    }

    private RuleScore fail(String reason) {
        failures.incrementAndGet();
        lastFailure = reason;
        return RuleScore.notApplicable(reason);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
