package io.grpo4j.reward;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of one rule entry, read with types and defaults. Every read is remembered, so
 * that after a rule is built {@link #requireAllUsed()} can reject a misspelt or unknown parameter
 * instead of silently scoring with a default. Errors name the file, the rule and the parameter.
 */
public final class RuleParams {
    private final String where;
    private final Map<String, Object> values;
    private final Path baseDir;
    private final Set<String> read = new LinkedHashSet<>();

    /**
     * @param where where the entry comes from, for messages ("rewards/r1-zero.json rules[1] (format)")
     * @param values the entry's parameters (without type, name, weight, comment, timeout_ms)
     * @param baseDir the rule file's folder (relative paths are resolved against it), or the working folder
     */
    public RuleParams(String where, Map<String, Object> values, Path baseDir) {
        this.where = where;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.baseDir = baseDir;
    }

    /** Parameters for a rule named in a comma list: none given. */
    public static RuleParams none(String where) {
        return new RuleParams(where, Map.of(), Path.of("").toAbsolutePath());
    }

    public String where() {
        return where;
    }

    public Path baseDir() {
        return baseDir;
    }

    public boolean has(String key) {
        read.add(key);
        return values.containsKey(key);
    }

    /** Every parameter as given (marks them all as used: for Java rules that read their own). */
    public Map<String, Object> all() {
        read.addAll(values.keySet());
        return values;
    }

    /** The value as given (String, Long, Double, Boolean, List, Map), or null. */
    public Object raw(String key) {
        return get(key);
    }

    public double number(String key, double defaultValue) {
        Object v = get(key);
        return v == null ? defaultValue : toNumber(key, v);
    }

    public double requiredNumber(String key) {
        Object v = get(key);
        if (v == null) {
            throw error("parameter '" + key + "' is required (a number)");
        }
        return toNumber(key, v);
    }

    public int integer(String key, int defaultValue) {
        Object v = get(key);
        if (v == null) {
            return defaultValue;
        }
        double d = toNumber(key, v);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw error("parameter '" + key + "' must be a whole number, got " + v);
        }
        return (int) d;
    }

    public int requiredInteger(String key) {
        if (get(key) == null) {
            throw error("parameter '" + key + "' is required (a whole number)");
        }
        return integer(key, 0);
    }

    public boolean bool(String key, boolean defaultValue) {
        Object v = get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw error("parameter '" + key + "' must be true or false, got " + describe(v));
    }

    public String string(String key, String defaultValue) {
        Object v = get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean || v instanceof Number) {
            return String.valueOf(v);
        }
        throw error("parameter '" + key + "' must be a string, got " + describe(v));
    }

    public String requiredString(String key) {
        String s = string(key, null);
        if (s == null || s.isEmpty()) {
            throw error("parameter '" + key + "' is required (a string)");
        }
        return s;
    }

    /** A string or a list of strings. */
    public List<String> strings(String key, List<String> defaultValue) {
        Object v = get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw error("parameter '" + key + "' must be a list of strings, got an element " + describe(o));
                }
                out.add(s);
            }
            return out;
        }
        throw error("parameter '" + key + "' must be a string or a list of strings, got " + describe(v));
    }

    /** A list of objects (e.g. length ranges). */
    public List<Map<String, Object>> objects(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list)) {
            throw error("parameter '" + key + "' must be a list of objects, got " + describe(v));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw error("parameter '" + key + "' must be a list of objects, got an element " + describe(o));
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(String.valueOf(k), x));
            out.add(copy);
        }
        return out;
    }

    /** An error about this rule entry, prefixed with where it comes from. */
    public IllegalArgumentException error(String message) {
        return new IllegalArgumentException(where + ": " + message);
    }

    /** Rejects any parameter the rule did not read (a typo would otherwise be ignored silently). */
    public void requireAllUsed() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            Set<String> known = new TreeSet<>(read);
            known.addAll(RuleSpec.COMMON_KEYS);
            throw error("unknown parameter" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; this rule accepts: " + String.join(", ", known));
        }
    }

    private Object get(String key) {
        read.add(key);
        return values.get(key);
    }

    private double toNumber(String key, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw error("parameter '" + key + "' must be a number, got " + describe(v));
    }

    private static String describe(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }
}
