package io.grpo4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The top of the report: run name, key settings from config.json, latest values, warnings. */
final class ReportHeader {
    /** {label, config path, optional second path shown in parentheses}: the settings worth a glance. */
    private static final String[][] SETTINGS = {
        {"train data", "data.train.path", "data.train.format"},
        {"eval data", "data.eval.path", null},
        {"rewards", "rewards.rules", null},
        {"template", "data.template", null},
        {"group size G", "grpo.num_generations", null},
        {"prompts / step", "grpo.prompts_per_step", null},
        {"loss", "grpo.loss_type", "grpo.importance_level"},
        {"advantage", "grpo.advantage", "grpo.scale_rewards"},
        {"ε low / high", "grpo.epsilon", "grpo.epsilon_high"},
        {"β (KL)", "grpo.beta", "grpo.kl_estimator"},
        {"iterations μ", "grpo.num_iterations", null},
        {"minibatch", "grpo.minibatch_size", null},
        {"dynamic sampling", "grpo.dynamic_sampling", null},
        {"temperature", "sampling.temperature", null},
        {"top-p / top-k", "sampling.top_p", "sampling.top_k"},
        {"max new tokens", "sampling.max_new_tokens", null},
        {"lr", "optim.lr", "optim.schedule"},
        {"warmup steps", "optim.warmup_steps", null},
        {"max grad norm", "optim.max_grad_norm", null},
        {"weight decay", "optim.weight_decay", null},
        {"max steps", "run.max_steps", null},
        {"seed", "run.seed", null},
    };

    private ReportHeader() {}

    static void append(StringBuilder h, RunData run, RolloutSample rollouts, List<String> warnings, String written) {
        int[] steps = run.stepRange();
        h.append("<header>\n<h1>").append(Html.escape(run.name())).append("</h1>\n<p class=\"sub\">grpo4j run report · ")
                .append(Html.escape(run.dir().toString())).append(" · ").append(run.metrics().size()).append(" steps logged (")
                .append(steps[0]).append("–").append(steps[1]).append(")");
        if (!written.isEmpty()) {
            h.append(" · written ").append(Html.escape(written));
        }
        h.append("</p>\n");
        latest(h, run);
        settings(h, run.config());
        if (!warnings.isEmpty()) {
            h.append("<ul class=\"warnings\">\n");
            for (String w : warnings) {
                h.append("<li>").append(Html.escape(w)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</header>\n");
    }

    /** The last logged values that say most about progress. */
    private static void latest(StringBuilder h, RunData run) {
        JsonNode last = run.metrics().get(run.metrics().size() - 1);
        List<String[]> cards = new ArrayList<>();
        cards.add(new String[] {"reward", Ticks.value(Rollout.number(last.path("reward"))), "step " + last.path("step").asInt()});
        for (String rule : Rollout.CORRECTNESS_RULES) {
            if (last.has("rewards/" + rule + "/mean")) {
                cards.add(new String[] {rule + " (train)", Ticks.value(Rollout.number(last.path("rewards/" + rule + "/mean"))),
                    "mean over the step's completions"});
                break;
            }
        }
        if (!run.evals().isEmpty()) {
            JsonNode e = run.evals().get(run.evals().size() - 1);
            cards.add(new String[] {"held-out pass@1", Ticks.value(Rollout.number(e.path("pass@1"))),
                "step " + e.path("step").asInt() + ", " + e.path("problems").asInt() + " problems"});
            if (e.has("format_rate")) {
                cards.add(new String[] {"held-out format", Ticks.value(Rollout.number(e.path("format_rate"))),
                    "step " + e.path("step").asInt()});
            }
        }
        cards.add(new String[] {"mean length", Ticks.value(Rollout.number(last.path("completions/mean_length"))), "tokens"});
        double seconds = 0;
        for (JsonNode m : run.metrics()) {
            for (String k : new String[] {"time/rollout_s", "time/reward_s", "time/update_s"}) {
                double v = Rollout.number(m.path(k));
                seconds += Double.isFinite(v) ? v : 0;
            }
        }
        cards.add(new String[] {"training time", duration(seconds), "rollout + reward + update"});
        h.append("<div class=\"cards\">\n");
        for (String[] c : cards) {
            h.append("<div class=\"card-stat\"><div class=\"stat-label\">").append(Html.escape(c[0]))
                    .append("</div><div class=\"stat-value\">").append(Html.escape(c[1])).append("</div><div class=\"stat-note\">")
                    .append(Html.escape(c[2])).append("</div></div>\n");
        }
        h.append("</div>\n");
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? s / 60 + " min " + s % 60 + " s" : s / 3600 + " h " + s % 3600 / 60 + " min";
    }

    private static void settings(StringBuilder h, JsonNode config) {
        if (config == null) {
            return;
        }
        h.append("<dl class=\"settings\">\n");
        h.append("<div><dt>model</dt><dd>").append(Html.escape(model(config.path("model")))).append("</dd></div>\n");
        for (String[] s : SETTINGS) {
            String value = text(config, s[1]);
            if (value == null) {
                continue;
            }
            String extra = s[2] == null ? null : text(config, s[2]);
            h.append("<div><dt>").append(Html.escape(s[0])).append("</dt><dd>").append(Html.escape(value));
            if (extra != null) {
                h.append(" <span class=\"extra\">(").append(Html.escape(extra)).append(")</span>");
            }
            h.append("</dd></div>\n");
        }
        h.append("</dl>\n");
    }

    /** The model path, or the shape of a randomly initialised one. */
    private static String model(JsonNode model) {
        if (model.path("path").isTextual()) {
            return model.path("path").asText();
        }
        JsonNode init = model.path("init");
        if (init.isObject()) {
            return "random init: " + init.path("arch").asText("?") + ", hidden " + init.path("hidden").asText("?") + ", "
                    + init.path("layers").asText("?") + " layers, " + init.path("heads").asText("?") + " heads";
        }
        return "?";
    }

    /** The value at a dotted path as text, or null when absent or null. */
    private static String text(JsonNode config, String path) {
        JsonNode n = config;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        return n.isNumber() ? Ticks.value(n.asDouble()) : n.asText();
    }
}
