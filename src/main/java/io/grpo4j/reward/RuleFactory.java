package io.grpo4j.reward;

import io.grpo4j.reward.command.CommandRule;
import io.grpo4j.reward.rules.BuiltinRules;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds rules from entries: built-ins, {@code "java"} (a class by name), {@code "command"}, and
 * rules found by {@link ServiceLoader} (known by their {@link RewardRule#name()}).
 */
final class RuleFactory {
    private final ClassLoader loader;
    private Map<String, RewardRule> serviceRules;

    RuleFactory(ClassLoader loader) {
        this.loader = loader;
    }

    /** Every type an entry may name. */
    Set<String> knownTypes() {
        Set<String> all = new TreeSet<>(BuiltinRules.types());
        all.add("java");
        all.add("command");
        all.addAll(serviceRules().keySet());
        return all;
    }

    /** Builds the rule of one entry; the result's name is the entry's name or the rule's default. */
    BoundRule create(RuleSpec spec) {
        String type = spec.type();
        if (BuiltinRules.isBuiltin(type)) {
            String name = spec.name() != null ? spec.name() : type;
            return new BoundRule(name, spec.weight(), BuiltinRules.create(type, name, spec.params()),
                    BoundRule.Kind.BUILT_IN, spec.timeoutMs());
        }
        if (type.equals("command")) {
            String name = spec.name() != null ? spec.name() : "command";
            return new BoundRule(name, spec.weight(), new CommandRule(name, spec.params(), spec.timeoutMs()),
                    BoundRule.Kind.BATCH, null);
        }
        if (type.equals("java")) {
            RewardRule rule = javaClass(spec.params());
            String name = spec.name() != null ? spec.name() : rule.name();
            return new BoundRule(name, spec.weight(), rule, BoundRule.Kind.PLUGIN, spec.timeoutMs());
        }
        RewardRule service = serviceRules().get(type);
        if (service != null) {
            spec.params().requireAllUsed(); // a ServiceLoader rule has a no-argument constructor: no parameters
            String name = spec.name() != null ? spec.name() : type;
            return new BoundRule(name, spec.weight(), service, BoundRule.Kind.PLUGIN, spec.timeoutMs());
        }
        throw spec.params().error("unknown rule type '" + type + "'; known types: " + String.join(", ", knownTypes()));
    }

    /** {"type": "java", "class": "com.example.MyRule", ...parameters passed to its Map constructor}. */
    private RewardRule javaClass(RuleParams p) {
        String className = p.requiredString("class");
        Map<String, Object> params = new LinkedHashMap<>(p.all());
        params.remove("class");
        Class<?> cls;
        try {
            cls = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw p.error("class " + className + " not found (" + e + "); put its jar in the --plugins folder or on the classpath");
        }
        if (!RewardRule.class.isAssignableFrom(cls)) {
            throw p.error("class " + className + " does not implement " + RewardRule.class.getName());
        }
        try {
            try {
                Constructor<?> withParams = cls.getConstructor(Map.class);
                return (RewardRule) withParams.newInstance(Map.copyOf(params));
            } catch (NoSuchMethodException e) {
                if (!params.isEmpty()) {
                    throw p.error("class " + className + " has no public constructor taking Map<String, Object>, "
                            + "so it cannot take the parameters " + params.keySet());
                }
                return (RewardRule) cls.getConstructor().newInstance();
            }
        } catch (NoSuchMethodException e) {
            throw p.error("class " + className + " needs a public constructor taking Map<String, Object> or none");
        } catch (InvocationTargetException e) {
            throw p.error("class " + className + " rejected its parameters: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw p.error("cannot create " + className + ": " + e);
        }
    }

    private Map<String, RewardRule> serviceRules() {
        if (serviceRules == null) {
            Map<String, RewardRule> found = new LinkedHashMap<>();
            try {
                for (RewardRule r : ServiceLoader.load(RewardRule.class, loader)) {
                    String name = r.name();
                    if (BuiltinRules.isBuiltin(name) || name.equals("java") || name.equals("command")) {
                        throw new IllegalArgumentException("plugin rule " + r.getClass().getName() + " is named '" + name
                                + "', which is a built-in rule type: rename it");
                    }
                    found.putIfAbsent(name, r);
                }
            } catch (ServiceConfigurationError e) {
                throw new IllegalArgumentException("cannot load a plugin rule listed in META-INF/services/"
                        + RewardRule.class.getName() + ": " + e.getMessage(), e);
            }
            serviceRules = found;
        }
        return serviceRules;
    }
}
