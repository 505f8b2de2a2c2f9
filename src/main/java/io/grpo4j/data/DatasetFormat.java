package io.grpo4j.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The dataset layouts grpo4j reads, by their config name. */
enum DatasetFormat {
    GSM8K("gsm8k", Gsm8kAdapter::new),
    MATH("math", MathAdapter::new),
    AIME("aime", AimeAdapter::new),
    COUNTDOWN("countdown", CountdownAdapter::new),
    JSONL("jsonl", JsonlAdapter::new),
    ARITHMETIC("arithmetic", ArithmeticAdapter::new);

    /** Config names in declaration order, for error messages. */
    static final List<String> NAMES = Arrays.stream(values()).map(f -> f.configName).toList();

    final String configName;
    private final Function<FieldMapping, RowAdapter> adapterFactory;

    DatasetFormat(String configName, Function<FieldMapping, RowAdapter> adapterFactory) {
        this.configName = configName;
        this.adapterFactory = adapterFactory;
    }

    RowAdapter adapter(FieldMapping mapping) {
        return adapterFactory.apply(mapping);
    }

    static DatasetFormat of(String name) {
        for (DatasetFormat f : values()) {
            if (f.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("dataset format '" + name + "' is not supported: use one of "
                + String.join(", ", NAMES));
    }
}
