package io.grpo4j.reward;

import io.grpo4j.reward.rules.BuiltinRules;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Weighted reward rules, loaded from a rule file or a comma list, scoring batches of completions.
 *
 * <p>The total of a completion is the weighted sum over the rules whose score is not NaN; every
 * rule's score and reason is kept, in rule order. Every evaluation is bounded in time and size
 * (see {@link BoundRule}): a failure is a NaN score with a reason, counted in {@link
 * #failureCounts()}, never an exception. Close the set to stop external commands.
 */
public final class RuleSet implements AutoCloseable {
    private static final String[] EXTENSIONS = {".json", ".yaml", ".yml"};

    private final String source;
    private final String comment;
    private final List<BoundRule> rules;
    private final List<GoldenCase> cases;
    private final ClassLoader pluginLoader;
    private ExecutorService pluginPool;

    private RuleSet(String source, String comment, List<BoundRule> rules, List<GoldenCase> cases, ClassLoader pluginLoader) {
        this.source = source;
        this.comment = comment;
        this.rules = List.copyOf(rules);
        this.cases = List.copyOf(cases);
        this.pluginLoader = pluginLoader;
    }

    /**
     * Loads a rule set. {@code spec} is a rule file path (JSON/YAML), the name of a file in
     * {@code rewardsDir} ("r1-zero"), or a comma list of rule types ("format,accuracy", weights 1).
     */
    public static RuleSet load(String spec, Path rewardsDir) {
        return load(spec, rewardsDir, null);
    }

    /** As {@link #load(String, Path)}, with Java rules also looked up in the jars of {@code pluginsDir}. */
    public static RuleSet load(String spec, Path rewardsDir, Path pluginsDir) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no reward rules given: pass a rule file, a name in rewards/ such as "
                    + "\"r1-zero\", or a list such as \"format,accuracy\"");
        }
        ClassLoader loader = Plugins.loader(pluginsDir);
        RuleFactory factory = new RuleFactory(loader);
        Path file = ruleFile(spec.strip(), rewardsDir);
        if (file != null) {
            RuleFile rf = RuleFile.read(file);
            return build(file.toString(), rf.comment(), rf.rules(), rf.cases(), factory, loader);
        }
        List<RuleSpec> specs = new ArrayList<>();
        for (String item : spec.split(",")) {
            String type = item.strip();
            if (type.isEmpty()) {
                throw new IllegalArgumentException("empty rule name in \"" + spec + "\"");
            }
            if (!factory.knownTypes().contains(type) || type.equals("java") || type.equals("command")) {
                throw new IllegalArgumentException("unknown reward rule or rule file '" + type + "' in \"" + spec
                        + "\"; rules: " + String.join(", ", BuiltinRules.types())
                        + "; rule files in " + rewardsDir + ": " + String.join(", ", ruleFileNames(rewardsDir)));
            }
            specs.add(new RuleSpec(type, null, 1.0, null, RuleParams.none("rule '" + type + "' in \"" + spec + "\"")));
        }
        return build(spec, "rules " + spec + ", weight 1 each", specs, List.of(), factory, loader);
    }

    /** A set of already-built rules (each bounded like a plugin rule), e.g. for tests or embedding. */
    public static RuleSet of(List<? extends RewardRule> rules, List<Double> weights) {
        if (rules.size() != weights.size()) {
            throw new IllegalArgumentException(rules.size() + " rules but " + weights.size() + " weights");
        }
        List<BoundRule> bound = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RewardRule r = rules.get(i);
            bound.add(new BoundRule(r.name(), weights.get(i), r,
                    r instanceof BatchRewardRule ? BoundRule.Kind.BATCH : BoundRule.Kind.PLUGIN, null));
        }
        checkUniqueNames(bound, "the given rules");
        return new RuleSet("(in code)", "rules given in code", bound, List.of(), null);
    }

    /** The rules folder: ./rewards if present, else the one next to the build (target/classes/../../rewards). */
    public static Path defaultRewardsDir() {
        Path local = Path.of("rewards");
        if (Files.isDirectory(local)) {
            return local.toAbsolutePath();
        }
        CodeSource code = RuleSet.class.getProtectionDomain().getCodeSource();
        if (code != null && code.getLocation() != null) {
            try {
                Path classes = Path.of(code.getLocation().toURI());
                Path project = classes.getParent() == null ? null : classes.getParent().getParent();
                if (project != null && Files.isDirectory(project.resolve("rewards"))) {
                    return project.resolve("rewards");
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // a code location that is not a file (e.g. inside a jar URL): use the working folder's name
            }
        }
        return local.toAbsolutePath();
    }

    public List<String> ruleNames() {
        return rules.stream().map(r -> r.name).toList();
    }

    public List<Double> weights() {
        return rules.stream().map(r -> r.weight).toList();
    }

    /** Where the set came from (file path, or the comma list). */
    public String source() {
        return source;
    }

    /** What the set rewards (the rule file's "comment"). */
    public String comment() {
        return comment;
    }

    /** The golden cases of the rule file (empty for a comma list). */
    public List<GoldenCase> cases() {
        return cases;
    }

    /** Failed evaluations per rule so far (timeouts, size bounds, errors, command failures). */
    public Map<String, Long> failureCounts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (BoundRule r : rules) {
            out.put(r.name, r.failures());
        }
        return out;
    }

    /** Scores one completion. */
    public RewardResult score(RewardInput input) {
        return scoreAll(List.of(input)).get(0);
    }

    /** Scores a batch with every rule; one result per input, in order. Bounded in time per evaluation. */
    public List<RewardResult> scoreAll(List<RewardInput> inputs) {
        List<List<RuleScore>> byRule = new ArrayList<>(rules.size());
        for (BoundRule r : rules) {
            byRule.add(r.scoreAll(inputs, this::pluginPool));
        }
        List<RewardResult> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            LinkedHashMap<String, Double> scores = new LinkedHashMap<>();
            LinkedHashMap<String, String> reasons = new LinkedHashMap<>();
            double total = 0;
            for (int k = 0; k < rules.size(); k++) {
                RuleScore s = byRule.get(k).get(i);
                BoundRule r = rules.get(k);
                scores.put(r.name, s.value());
                reasons.put(r.name, s.reason());
                if (!Double.isNaN(s.value())) {
                    total += r.weight * s.value();
                }
            }
            out.add(new RewardResult(total, scores, reasons));
        }
        return out;
    }

    /** Stops external commands and plugin threads, and closes the plugin class loader. */
    @Override
    public synchronized void close() {
        List<String> problems = new ArrayList<>();
        for (BoundRule r : rules) {
            if (r.rule instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    problems.add(r.name + ": " + e);
                }
            }
        }
        if (pluginPool != null) {
            pluginPool.shutdownNow();
        }
        if (pluginLoader instanceof URLClassLoader u) {
            try {
                u.close();
            } catch (IOException e) {
                problems.add("plugin class loader: " + e);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("closing the rules of " + source + " failed: " + problems);
        }
    }

    private synchronized ExecutorService pluginPool() {
        if (pluginPool == null) {
            // Daemon threads: a plugin stuck past its timeout is abandoned and must not keep the JVM alive.
            pluginPool = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "reward-plugin");
                t.setDaemon(true);
                return t;
            });
        }
        return pluginPool;
    }

    private static RuleSet build(String source, String comment, List<RuleSpec> specs, List<GoldenCase> cases,
            RuleFactory factory, ClassLoader loader) {
        List<BoundRule> bound = new ArrayList<>();
        try {
            for (RuleSpec spec : specs) {
                bound.add(factory.create(spec));
            }
            checkUniqueNames(bound, source);
        } catch (RuntimeException e) {
            for (BoundRule r : bound) {
                if (r.rule instanceof BatchRewardRule b) {
                    b.close(); // stop commands already started before the failing entry
                }
            }
            throw e;
        }
        return new RuleSet(source, comment, bound, cases, loader);
    }

    private static void checkUniqueNames(List<BoundRule> rules, String source) {
        Set<String> seen = new HashSet<>();
        for (BoundRule r : rules) {
            if (!seen.add(r.name)) {
                throw new IllegalArgumentException(source + ": two rules are named '" + r.name
                        + "'; give one of them a different \"name\" (names key the results)");
            }
        }
    }

    /** The rule file a spec names, or null when the spec is a comma list of rule types. */
    private static Path ruleFile(String spec, Path rewardsDir) {
        boolean looksLikePath = spec.contains("/") || spec.contains("\\");
        for (String ext : EXTENSIONS) {
            looksLikePath |= spec.endsWith(ext);
        }
        if (looksLikePath) {
            Path p = Path.of(spec);
            if (Files.isRegularFile(p)) {
                return p;
            }
            if (rewardsDir != null && Files.isRegularFile(rewardsDir.resolve(spec))) {
                return rewardsDir.resolve(spec);
            }
            throw new IllegalArgumentException("rule file " + spec + " not found (looked in " + Path.of("").toAbsolutePath()
                    + (rewardsDir == null ? "" : " and " + rewardsDir) + ")");
        }
        if (rewardsDir != null && !spec.contains(",")) {
            for (String ext : EXTENSIONS) {
                Path p = rewardsDir.resolve(spec + ext);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static List<String> ruleFileNames(Path rewardsDir) {
        if (rewardsDir == null || !Files.isDirectory(rewardsDir)) {
            return List.of("(none)");
        }
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(rewardsDir)) {
            files.forEach(p -> {
                String n = p.getFileName().toString();
                for (String ext : EXTENSIONS) {
                    if (n.endsWith(ext)) {
                        names.add(n.substring(0, n.length() - ext.length()));
                    }
                }
            });
        } catch (IOException e) {
            return List.of("(cannot list " + rewardsDir + ": " + e.getMessage() + ")");
        }
        return names.isEmpty() ? List.of("(none)") : List.copyOf(names);
    }
}
