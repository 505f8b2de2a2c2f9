package io.grpo4j.data;

import java.util.Map;

/**
 * One problem: a stable id, the question, the gold answer, and every column of its source row
 * (reward rules see them all).
 *
 * @param columns plain Java values: String, Long, Double, Boolean, List, Map
 */
public record Problem(String id, String source, String question, String answer, Map<String, Object> columns) {
    public Problem {
        columns = Map.copyOf(columns);
    }
}
