package io.grpo4j.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Reads problem sets from JSONL into {@link Problem}s, one adapter per public dataset shape.
 * Bad rows fail with file, line and field (or, with {@code on_bad_row: skip}, are counted and
 * reported); nothing is dropped silently.
 */
public final class Datasets {
    private static final Logger LOG = Logger.getLogger(Datasets.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private Datasets() {}

    /** Train and held-out problems. */
    public record Split(List<Problem> train, List<Problem> eval) {}

    /** Loads every problem of {@code spec} (relative paths against {@code baseDir}). */
    public static List<Problem> load(DatasetSpec spec, Path baseDir) throws IOException {
        Path file = baseDir.resolve(spec.path());
        if (!Files.isRegularFile(file)) {
            throw new IOException("dataset file not found: " + file);
        }
        List<Problem> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int skipped = 0;
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Problem p = parse(spec, file, lineNo, line);
                    if (!ids.add(p.id())) {
                        throw new IllegalArgumentException(file + ":" + lineNo + ": duplicate id '" + p.id() + "'");
                    }
                    out.add(p);
                } catch (IllegalArgumentException e) {
                    if (spec.onBadRow().equals("error")) {
                        throw e;
                    }
                    skipped++;
                    LOG.warning(e.getMessage() + " (skipped: on_bad_row=skip)");
                }
                if (spec.limit() > 0 && out.size() >= spec.limit()) {
                    break;
                }
            }
        }
        if (skipped > 0) {
            LOG.warning(file + ": skipped " + skipped + " bad rows of " + lineNo);
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no problems (empty file" + (skipped > 0 ? ", or every row was bad" : "") + ")");
        }
        return out;
    }

    /** Train problems, and a seeded held-out fraction as eval when the spec asks for one. */
    public static Split split(DatasetSpec spec, Path baseDir) throws IOException {
        List<Problem> all = load(spec, baseDir);
        if (spec.evalFraction() == 0) {
            return new Split(all, List.of());
        }
        List<Problem> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(spec.seed()));
        int nEval = Math.max(1, (int) Math.round(all.size() * spec.evalFraction()));
        return new Split(List.copyOf(shuffled.subList(nEval, shuffled.size())), List.copyOf(shuffled.subList(0, nEval)));
    }

    static Problem parse(DatasetSpec spec, Path file, int lineNo, String line) {
        JsonNode row;
        try {
            row = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (row == null || !row.isObject()) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": expected a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> columns = new LinkedHashMap<>(JSON.convertValue(row, Map.class));
        String where = file + ":" + lineNo;
        String source = file.getFileName().toString();
        String question;
        String answer;
        switch (spec.format()) {
            case "gsm8k" -> {
                question = text(row, "question", where);
                answer = gsm8kGold(text(row, "answer", where), where);
            }
            case "math" -> {
                question = text(row, "problem", where);
                answer = row.hasNonNull("answer") ? row.get("answer").asText()
                        : Boxed.last(text(row, "solution", where));
                if (answer == null) {
                    throw new IllegalArgumentException(where + ": field 'solution' has no \\boxed{} answer and there is no 'answer'");
                }
            }
            case "aime" -> {
                question = row.hasNonNull("problem") ? text(row, "problem", where) : text(row, "question", where);
                answer = numeric(text(row, "answer", where));
            }
            case "countdown" -> {
                long target = row.path("target").asLong(Long.MIN_VALUE);
                if (!row.path("target").isIntegralNumber() || !row.path("nums").isArray()) {
                    throw new IllegalArgumentException(where + ": countdown rows need integer 'target' and array 'nums'");
                }
                question = row.hasNonNull("question") ? row.get("question").asText()
                        : "Using the numbers " + row.get("nums") + ", create an equation that equals " + target + ".";
                answer = Long.toString(target);
            }
            case "arithmetic" -> {
                question = text(row, "question", where);
                answer = text(row, "answer", where);
            }
            default -> {
                question = text(row, spec.promptField() == null ? "question" : spec.promptField(), where);
                answer = text(row, spec.answerField() == null ? "answer" : spec.answerField(), where);
            }
        }
        String id = spec.idField() != null ? text(row, spec.idField(), where)
                : row.hasNonNull("id") ? row.get("id").asText()
                : row.hasNonNull("unique_id") ? row.get("unique_id").asText()
                : source + ":" + lineNo;
        return new Problem(id, source, question, answer, columns);
    }

    private static String text(JsonNode row, String field, String where) {
        JsonNode n = row.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException(where + ": missing field '" + field + "'");
        }
        return n.isTextual() ? n.asText() : n.toString();
    }

    /** GSM8K answers end in "#### 1,600": the gold is the part after ####, separators removed. */
    static String gsm8kGold(String answer, String where) {
        int at = answer.lastIndexOf("####");
        if (at < 0) {
            throw new IllegalArgumentException(where + ": field 'answer' has no '#### <number>' line");
        }
        return answer.substring(at + 4).trim().replace(",", "");
    }

    /** AIME/AMC: "025" → "25", "27.0" → "27". */
    static String numeric(String s) {
        String t = s.trim();
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(t);
            return d.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return t;
        }
    }
}
