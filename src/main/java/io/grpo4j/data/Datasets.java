package io.grpo4j.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads dataset files into {@link Problem}s as a {@link DatasetSpec} says. Files are JSON Lines:
 * one object per line; blank lines are ignored. Every bad row (malformed JSON, missing or
 * ill-typed field, duplicate id) is an error naming file, line and field, or under {@code
 * on_bad_row: skip} a warning and a count; an empty file is always an error.
 */
public final class Datasets {
    private static final Logger LOG = LoggerFactory.getLogger(Datasets.class);
    /** How many skipped rows are logged one by one before only the count is. */
    private static final int SKIPPED_ROWS_LOGGED = 10;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Datasets() {}

    /** The training problems of {@code spec.path} (after {@code limit}), before any held-out split. */
    public static List<Problem> load(DatasetSpec spec, Path baseDir) {
        return read(resolve(spec.path(), baseDir), spec, spec.limit()).problems();
    }

    /**
     * Training and evaluation problems: {@code eval_path} read in full with the same format and
     * mapping, or a seeded {@code eval_fraction} of {@code path} held out (at least one problem,
     * never all), or no evaluation problems.
     */
    public static Split split(DatasetSpec spec, Path baseDir) {
        List<Problem> all = load(spec, baseDir);
        if (spec.evalPath() != null) {
            return new Split(all, read(resolve(spec.evalPath(), baseDir), spec, null).problems());
        }
        if (spec.evalFraction() == 0) {
            return new Split(all, List.of());
        }
        int held = Math.max(1, (int) Math.round(all.size() * spec.evalFraction()));
        if (held >= all.size()) {
            throw new IllegalArgumentException("dataset 'eval_fraction' " + spec.evalFraction() + " of " + all.size()
                    + " problems in " + spec.path() + " leaves none to train on: lower it or add rows");
        }
        // Hold out the first `held` of a seeded permutation; both parts keep file order.
        int[] order = Shuffle.permutation(all.size(), new Random(spec.seed()));
        boolean[] isEval = new boolean[all.size()];
        for (int i = 0; i < held; i++) {
            isEval[order[i]] = true;
        }
        List<Problem> train = new ArrayList<>();
        List<Problem> eval = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (isEval[i] ? eval : train).add(all.get(i));
        }
        return new Split(train, eval);
    }

    /** A config path: absolute as given, relative against {@code baseDir}. */
    public static Path resolve(String path, Path baseDir) {
        Path p = Path.of(path);
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p);
    }

    /**
     * Reads one file with the spec's format, field mapping and bad-row policy.
     *
     * @param limit stop after this many problems; null reads the whole file
     */
    public static LoadReport read(Path file, DatasetSpec spec, Integer limit) {
        RowAdapter adapter = DatasetFormat.of(spec.format()).adapter(spec.fieldMapping());
        String source = sourceName(file);
        List<Problem> problems = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        int rows = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null && (limit == null || problems.size() < limit)) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1); // byte-order mark some editors write
                }
                if (text.isBlank()) {
                    continue;
                }
                rows++;
                try {
                    Problem p = adapter.adapt(new Row(file, line, source, parseObject(file, line, text)));
                    Integer first = lineOfId.putIfAbsent(p.id(), line);
                    if (first != null) {
                        String idField = spec.idField() != null ? spec.idField() : "id";
                        throw new BadRowException(file, line, idField, "duplicate id '" + p.id() + "' (first on line " + first + ")");
                    }
                    problems.add(p);
                } catch (BadRowException e) {
                    if (!spec.skipBadRows()) {
                        throw e;
                    }
                    skipped.add(e.detail());
                    if (skipped.size() <= SKIPPED_ROWS_LOGGED) {
                        LOG.warn("skipping bad row: {}", e.detail());
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("dataset file not found: " + file.toAbsolutePath()
                    + " (relative paths are resolved against the config's folder)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset file " + file + ": " + e.getMessage(), e);
        }
        if (rows == 0) {
            throw new IllegalArgumentException(file + " is empty: expected one JSON object per line");
        }
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no usable rows in " + file + ": all " + rows + " rows were bad; first: " + skipped.get(0));
        }
        if (!skipped.isEmpty()) {
            LOG.warn("skipped {} bad rows of {} in {} (on_bad_row: skip)", skipped.size(), rows, file);
        }
        return new LoadReport(file, problems, skipped);
    }

    private static Map<String, Object> parseObject(Path file, int line, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRowException(file, line, null, "not valid JSON at column "
                    + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new BadRowException(file, line, null, "expected a JSON object, found " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> columns = (Map<String, Object>) Values.fromJson(node);
        return columns;
    }

    /** {@code <folder>/<file stem>}, e.g. {@code gsm8k/test} for {@code .../gsm8k/test.jsonl}. */
    static String sourceName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path parent = file.toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null ? stem : parent.getFileName() + "/" + stem;
    }
}
