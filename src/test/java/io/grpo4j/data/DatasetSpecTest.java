package io.grpo4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

class DatasetSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void readsSnakeCaseYamlAndFillsDefaults() throws Exception {
        DatasetSpec spec = YAML.readValue("path: data/train.jsonl\nformat: gsm8k\neval_fraction: 0.1\nseed: 7\n", DatasetSpec.class);
        assertEquals(new DatasetSpec("data/train.jsonl", "gsm8k", null, null, null, null, null, 0.1, 7, "error"), spec);

        DatasetSpec mapped = YAML.readValue(
                "path: x.jsonl\nprompt_field: problem\nanswer_field: gold\nid_field: uid\nlimit: 50\neval_path: y.jsonl\non_bad_row: skip\n",
                DatasetSpec.class);
        assertEquals("jsonl", mapped.format(), "format defaults to generic JSONL");
        assertEquals("problem", mapped.promptField());
        assertEquals("gold", mapped.answerField());
        assertEquals("uid", mapped.idField());
        assertEquals(50, mapped.limit());
        assertEquals("y.jsonl", mapped.evalPath());
        assertEquals("skip", mapped.onBadRow());
    }

    @Test
    void jsonRoundTripSpellsOutEveryDefault() throws Exception {
        DatasetSpec spec = DatasetSpec.of("a.jsonl", "math");
        String json = JSON.writeValueAsString(spec);
        assertEquals("{\"path\":\"a.jsonl\",\"format\":\"math\",\"prompt_field\":null,\"answer_field\":null,\"id_field\":null,"
                + "\"limit\":null,\"eval_path\":null,\"eval_fraction\":0.0,\"seed\":0,\"on_bad_row\":\"error\"}", json);
        assertEquals(spec, JSON.readValue(json, DatasetSpec.class));
    }

    @Test
    void defaultsAreTheShippedArithmeticSet() {
        DatasetSpec d = DatasetSpec.defaults();
        assertEquals("datasets/arithmetic/train.jsonl", d.path());
        assertEquals("datasets/arithmetic/test.jsonl", d.evalPath());
        assertEquals("arithmetic", d.format());
        assertNull(d.limit());
    }

    @Test
    void invalidValuesAreRejectedWithTheAllowedOnes() {
        assertEquals("dataset format 'csv' is not supported: use one of gsm8k, math, aime, countdown, jsonl, arithmetic",
                assertThrows(IllegalArgumentException.class, () -> DatasetSpec.of("a.jsonl", "csv")).getMessage());
        assertEquals("dataset 'on_bad_row' is 'ignore': use one of error, skip",
                assertThrows(IllegalArgumentException.class, () -> DatasetSpec.of("a", "jsonl").withOnBadRow("ignore")).getMessage());
        assertEquals("dataset 'path' is missing: give the JSONL file of training problems",
                assertThrows(IllegalArgumentException.class, () -> DatasetSpec.of(" ", "jsonl")).getMessage());
        assertEquals("dataset 'limit' must be at least 1 (leave it out to read every row), got 0",
                assertThrows(IllegalArgumentException.class, () -> DatasetSpec.of("a", "jsonl").withLimit(0)).getMessage());
        assertEquals("dataset 'eval_fraction' must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> DatasetSpec.of("a", "jsonl").withEvalFraction(1.0, 0)).getMessage());
        assertEquals("dataset has both 'eval_path' and 'eval_fraction': set one of them",
                assertThrows(IllegalArgumentException.class, () -> DatasetSpec.defaults().withEvalFraction(0.1, 0)).getMessage());
        assertEquals("dataset 'prompt_field' is empty: leave it out or name a column",
                assertThrows(IllegalArgumentException.class, () -> DatasetSpec.of("a", "jsonl").withFields("", null, null)).getMessage());
    }

    @Test
    void jacksonReportsTheValidationMessage() {
        ValueInstantiationException e = assertThrows(ValueInstantiationException.class,
                () -> YAML.readValue("path: a.jsonl\nformat: parquet\n", DatasetSpec.class));
        assertTrue(e.getMessage().contains("dataset format 'parquet' is not supported: use one of gsm8k, math, aime, countdown, jsonl, arithmetic"),
                e.getMessage());
    }
}
