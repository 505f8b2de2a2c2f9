package io.grpo4j.reward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * An external scorer for the command-rule tests, run as its own process. Speaks the protocol:
 * one JSON request per stdin line, one reply per stdout line. What it replies depends on the
 * completion: "good" 1, "half" {score 0.5, reason}, "skip" null, "garbage" a non-JSON line,
 * "die" exits with code 3, "hang" sleeps for a minute, anything else 0.
 */
public final class ExampleScorer {
    private ExampleScorer() {}

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            JsonNode request = json.readTree(line);
            String completion = request.get("completion").asText();
            long id = request.get("id").asLong();
            if (completion.contains("die")) {
                System.err.println("dying on purpose");
                System.exit(3);
            } else if (completion.contains("hang")) {
                Thread.sleep(60_000);
            } else if (completion.contains("garbage")) {
                out.println("this is not json");
            } else if (completion.contains("good")) {
                out.println("1");
            } else if (completion.contains("half")) {
                out.println("{\"id\": " + id + ", \"score\": 0.5, \"reason\": \"half right\"}");
            } else if (completion.contains("skip")) {
                out.println("null");
            } else if (completion.contains("row")) {
                // echo a row column back, to show the row reaches the command
                out.println(request.get("row").get("target").asLong());
            } else {
                out.println("0");
            }
        }
    }
}
