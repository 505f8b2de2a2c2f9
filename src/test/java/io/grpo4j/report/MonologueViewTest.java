package io.grpo4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonologueViewTest {
    private static Rollout row(int sample, double format, double accuracy, double advantage, String completion) throws Exception {
        return Rollout.of(new ObjectMapper().readTree("{\"step\":3,\"prompt_id\":\"p1\",\"sample\":" + sample
                + ",\"prompt\":\"User: 2+2. Assistant: <think>\",\"completion\":" + new ObjectMapper().writeValueAsString(completion)
                + ",\"think\":\"two and two\",\"answer\":\"4\",\"gold\":\"4\",\"rewards\":{\"format\":" + format + ",\"accuracy\":"
                + accuracy + "},\"reward\":" + (format * 0.5 + accuracy) + ",\"advantage\":" + advantage
                + ",\"length\":9,\"finish_reason\":\"stop\"}"));
    }

    private static String render(boolean color, List<RolloutGroup> groups) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new MonologueView(new PrintStream(bytes, true, StandardCharsets.UTF_8), color, 100).groups(groups);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aGroupIsOneTableWithARowPerCompletion() throws Exception {
        List<Rollout> rows = List.of(row(1, 1, 0, -1, "x"), row(0, 1, 1, 1, "y"));
        List<RolloutGroup> groups = RolloutGroup.of(rows);
        assertEquals(1, groups.size());
        String text = render(false, groups);
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("── step 3 · p1  gold 4  2 samples  reward mean 1  std 0.5".replace("  std", " std")), lines.get(0));
        assertTrue(lines.get(1).contains("prompt: User: 2+2. Assistant: <think>"), lines.get(1));
        assertTrue(lines.get(2).matches("\\s+#\\s+reward\\s+adv\\s+len\\s+finish\\s+format\\s+accuracy\\s+answer\\s+think"), lines.get(2));
        assertTrue(lines.get(3).matches("\\s+0\\s+1\\.5\\s+\\+1\\.000\\s+9\\s+stop\\s+1\\s+1\\s+4\\s+two and two"), "sorted by sample: " + lines.get(3));
        assertTrue(lines.get(4).matches("\\s+1\\s+0\\.5\\s+-1\\.000\\s+9\\s+stop\\s+1\\s+0\\s+4\\s+two and two"), lines.get(4));
        assertFalse(text.contains("\u001b"), "no colour unless asked");
        String colored = render(true, groups);
        assertTrue(colored.contains("\u001b[32m+1.000\u001b[0m") && colored.contains("\u001b[31m-1.000\u001b[0m"), colored);
    }

    @Test
    void zeroVarianceGroupsAreMarkedAndFiltered() throws Exception {
        List<Rollout> rows = List.of(row(0, 1, 1, 0, "a"), row(1, 1, 1, 0, "b"));
        assertTrue(RolloutGroup.of(rows).get(0).zeroVariance());
        assertTrue(render(false, RolloutGroup.of(rows)).contains("zero variance: no learning signal"));
        assertEquals(2, MonologueFilter.ZERO_VARIANCE.apply(rows).size());
        assertEquals(0, MonologueFilter.ZERO_VARIANCE.apply(List.of(row(0, 1, 1, 0, "a"), row(1, 1, 0, 0, "b"))).size());
        assertEquals(0, MonologueFilter.ZERO_VARIANCE.apply(List.of(row(0, 1, 1, 0, "a"))).size(), "one sample says nothing");
        assertEquals(MonologueFilter.TRUNCATED, MonologueFilter.parse("truncated"));
        assertEquals("unknown filter 'right': use correct, wrong, format-fail, truncated or zero-variance",
                assertThrows(IllegalArgumentException.class, () -> MonologueFilter.parse("right")).getMessage());
    }

    @Test
    void controlCharactersFromTheModelCannotReachTheTerminal() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new MonologueView(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 100)
                .list(List.of(row(0, 1, 1, 0, "a\u001b[2Jcleared\u0007")));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\u001b") || text.contains("\u0007"), text);
        assertTrue(text.contains("a\\u001b[2Jcleared\\u0007"), text);
    }
}
