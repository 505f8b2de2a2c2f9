package io.grpo4j.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The compact console table of a few sampled monologues that training prints every
 * {@code log_completions_every} steps: question, gold, the answer part, reward, advantage, length,
 * why it stopped, and the start of the think part. One sample per group, from groups spread over
 * the batch, so the table shows different prompts.
 */
final class MonologueTable {
    static final int THINK_CHARS = 48;

    private MonologueTable() {}

    static List<String> render(StepBatch batch, int rows, int groupSize) {
        List<StepBatch.Sample> all = batch.samples();
        List<StepBatch.Sample> picked = new ArrayList<>();
        int groups = Math.max(1, all.size() / Math.max(1, groupSize));
        for (int i = 0; i < Math.min(rows, groups); i++) {
            int group = (int) ((long) i * groups / Math.min(rows, groups));
            picked.add(all.get(Math.min(all.size() - 1, group * groupSize + i % Math.max(1, groupSize))));
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"question", "gold", "answer", "reward", "adv", "len", "stop", "think"});
        for (StepBatch.Sample s : picked) {
            String[] parts = Monologue.split(s.completion().text());
            cells.add(new String[] {
                clip(s.problem().question(), 24), clip(s.problem().answer(), 12), parts[1] == null ? "—" : clip(parts[1], 12),
                String.format(Locale.ROOT, "%.2f", s.reward().total()), String.format(Locale.ROOT, "%+.2f", s.advantage()),
                String.valueOf(s.completion().tokenIds().length), s.completion().finishReason().name().toLowerCase(Locale.ROOT),
                parts[0] == null ? "(no </think>) " + clip(s.completion().text(), THINK_CHARS) : clip(parts[0], THINK_CHARS)});
        }
        int[] width = new int[cells.get(0).length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : cells) {
            StringBuilder sb = new StringBuilder("  ");
            for (int c = 0; c < row.length; c++) {
                boolean number = c == 3 || c == 4 || c == 5;
                String cell = c == row.length - 1 ? row[c]
                        : number ? " ".repeat(width[c] - row[c].length()) + row[c] : row[c] + " ".repeat(width[c] - row[c].length());
                sb.append(cell).append(c == row.length - 1 ? "" : "  ");
            }
            lines.add(sb.toString().stripTrailing());
        }
        return lines;
    }

    /** One line of at most {@code max} characters: newlines shown as ⏎, an ellipsis where cut. */
    static String clip(String text, int max) {
        String t = text == null ? "" : text.strip().replace("\r", "").replace("\n", "⏎").replace("\t", " ");
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
