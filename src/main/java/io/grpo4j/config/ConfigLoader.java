package io.grpo4j.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Loads a {@link RunConfig}: defaults, then the config file (JSON or YAML), then {@code --set
 * a.b=v} overrides, then validation, all before anything heavy starts. Errors name the file and
 * the field.
 */
public final class ConfigLoader {
    /** The embedded default run, shipped in the jar (and as configs/default.json in the repo). */
    public static final String DEFAULT_RESOURCE = "/configs/default.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigLoader() {}

    /** The shared mapper (indenting, strict about unknown fields). */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /**
     * Resolves a run config.
     *
     * @param file a JSON/YAML file, or null for the embedded default run
     * @param overrides "a.b=value" strings; a value that parses as JSON is taken as JSON, else as text
     */
    public static RunConfig load(Path file, List<String> overrides) throws IOException {
        // Name where a bad value came from: the file, or the --set that overrode it.
        String origin = (file == null ? "embedded default config" : file.toString())
                + (overrides.isEmpty() ? "" : " with --set " + String.join(" --set ", overrides));
        JsonNode user = file == null ? readDefaultTree() : readTree(file);
        if (!user.isObject()) {
            throw new IllegalArgumentException(origin + ": expected a JSON/YAML object at the top level");
        }
        ObjectNode tree = defaultsTree();
        merge(tree, (ObjectNode) user);
        for (String o : overrides) {
            applyOverride(tree, o);
        }
        return bind(tree, origin);
    }

    /** The embedded default config as a tree (as written in configs/default.json). */
    public static JsonNode readDefaultTree() throws IOException {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IOException("embedded " + DEFAULT_RESOURCE + " missing from the build: rebuild with mvn package");
            }
            return JSON.readTree(in);
        }
    }

    private static JsonNode readTree(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("config file not found: " + file);
        }
        String name = file.getFileName().toString();
        ObjectMapper m = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
        try {
            JsonNode n = m.readTree(file.toFile());
            return n == null ? JSON.createObjectNode() : n;
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid " + (m == YAML ? "YAML" : "JSON") + ": "
                    + e.getOriginalMessage() + locationOf(e));
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** Defaults for the sections that have them; model and data must come from the user. */
    static ObjectNode defaultsTree() {
        ObjectNode t = JSON.createObjectNode();
        t.set("run", JSON.valueToTree(RunSection.defaults()));
        t.set("rewards", JSON.valueToTree(new RewardSection(null, null)));
        t.set("grpo", JSON.valueToTree(GrpoConfig.defaults()));
        t.set("sampling", JSON.valueToTree(SamplingParams.defaults()));
        t.set("optim", JSON.valueToTree(OptimConfig.defaults()));
        return t;
    }

    /** Deep merge: objects merge key by key, anything else replaces. */
    static void merge(ObjectNode base, ObjectNode over) {
        Iterator<Map.Entry<String, JsonNode>> it = over.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = base.get(e.getKey());
            if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode n) {
                merge(o, n);
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    /** Applies "a.b.c=value" to the tree, creating objects on the way. */
    static void applyOverride(ObjectNode tree, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--set expects key=value (for example grpo.beta=0.04), got '" + override + "'");
        }
        String[] path = override.substring(0, eq).trim().split("\\.");
        String raw = override.substring(eq + 1);
        ObjectNode node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(path[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(path[path.length - 1], parseValue(raw));
    }

    private static JsonNode parseValue(String raw) {
        try {
            JsonNode n = JSON.readTree(raw);
            if (n != null && !n.isMissingNode()) {
                return n;
            }
        } catch (JsonProcessingException e) {
            // not JSON: take it as text (paths, names)
        }
        return TextNode.valueOf(raw);
    }

    /** Binds and validates, turning Jackson's messages into "where: what" lines. */
    public static RunConfig bind(JsonNode tree, String origin) {
        try {
            return JSON.treeToValue(tree, RunConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(origin + ": unknown config field '" + path(e) + "'; known fields here: "
                    + e.getKnownPropertyIds());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(origin + ": " + cause.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + ": bad value at '" + path(e) + "': " + e.getOriginalMessage());
        }
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            StringBuilder sb = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
                } else {
                    sb.append('[').append(r.getIndex()).append(']');
                }
            }
            return sb.toString();
        }
        return "?";
    }

    /** The resolved config as pretty JSON, every default spelled out. */
    public static String toJson(RunConfig config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config does not serialize: " + e.getOriginalMessage(), e);
        }
    }
}
