package io.grpo4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    private static final class Captured {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        int code;
    }

    private static Captured run(String... args) {
        Captured c = new Captured();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(c.out, true));
        cl.setErr(new PrintWriter(c.err, true));
        c.code = cl.execute(args);
        return c;
    }

    @Test
    void helpListsEveryCommand() {
        Captured c = run("--help");
        assertEquals(0, c.code);
        for (String cmd : new String[] {"train", "eval", "sample", "score", "inspect", "report", "data", "init-model", "bench"}) {
            assertTrue(c.out.toString().contains(cmd), "help should list " + cmd + ":\n" + c.out);
        }
    }

    @Test
    void everySubcommandHasHelp() {
        for (String cmd : Main.commandLine().getSubcommands().keySet()) {
            if (cmd.equals("help")) {
                continue;
            }
            Captured c = run(cmd, "--help");
            assertEquals(0, c.code, cmd + " --help");
            assertTrue(c.out.toString().startsWith("Usage: grpo4j " + cmd), c.out.toString());
        }
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        Captured c = run("--no-such-option");
        assertEquals(2, c.code);
        String first = c.err.toString().lines().findFirst().orElse("");
        assertEquals("Unknown option: '--no-such-option'", first);
        assertTrue(c.err.toString().contains("Usage: grpo4j"), c.err.toString());
    }
}
