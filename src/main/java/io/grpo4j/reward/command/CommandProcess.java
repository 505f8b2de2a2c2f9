package io.grpo4j.reward.command;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One running scorer process: a writer thread feeds its stdin (so a process that stops reading
 * cannot block us), a reader thread queues its stdout lines, another keeps the tail of its stderr
 * (and echoes it to ours, prefixed with the rule name). Lines longer than {@link #MAX_LINE_CHARS}
 * are cut and reported as bad replies.
 */
final class CommandProcess implements AutoCloseable {
    /** Longest reply line kept (a runaway scorer must not exhaust our memory). */
    static final int MAX_LINE_CHARS = 1 << 20;

    /** Queued after the last stdout line (compared by identity). */
    static final String END_OF_OUTPUT = new String("<end of output>");

    /** Queued in place of a line that was too long (compared by identity). */
    static final String LINE_TOO_LONG = new String("<line too long>");

    private static final int STDERR_TAIL_LINES = 5;

    private final Process process;
    private final BufferedWriter stdin;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final ExecutorService writer;

    private CommandProcess(Process process, String label) {
        this.process = process;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.writer = Executors.newSingleThreadExecutor(r -> daemon(r, label + "-stdin"));
        daemon(() -> readLines(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), false), label + "-stdout").start();
        daemon(() -> readLines(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8), true), label + "-stderr").start();
    }

    /** Starts the command in {@code cwd}; {@code label} names its threads and prefixes its stderr. */
    static CommandProcess start(List<String> command, Path cwd, String label) throws IOException {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).start();
        return new CommandProcess(p, label);
    }

    /** Writes the request lines and flushes, on the writer thread (returns at once). */
    void send(List<String> lines) {
        writer.execute(() -> {
            try {
                for (String line : lines) {
                    stdin.write(line);
                    stdin.write('\n');
                }
                stdin.flush();
            } catch (IOException e) {
                // The process died or was killed: the reader sees the end of its output and the
                // pending requests are reported with its exit code; nothing more to say here.
                synchronized (stderrTail) {
                    remember("(writing to the command failed: " + e.getMessage() + ")");
                }
            }
        });
    }

    /** The next reply line, {@link #END_OF_OUTPUT}, {@link #LINE_TOO_LONG}, or null when the deadline passed. */
    String next(long deadlineNanos) throws InterruptedException {
        long wait = deadlineNanos - System.nanoTime();
        return wait <= 0 ? stdout.poll() : stdout.poll(wait, TimeUnit.NANOSECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code (waiting up to a second for it), or null if the process has not ended. */
    Integer exitCode() {
        try {
            return process.waitFor(1, TimeUnit.SECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The last lines the process wrote to stderr, joined with " | ". */
    String stderrTail() {
        synchronized (stderrTail) {
            return String.join(" | ", stderrTail);
        }
    }

    /** Kills the process at once (after a timeout). */
    void kill() {
        process.destroyForcibly();
        writer.shutdownNow();
    }

    /** Closes stdin (a well-behaved scorer exits on end of input), waits a moment, then kills. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(1, TimeUnit.SECONDS);
            stdin.close();
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // stdin already broken: the process is gone or going; destroyForcibly below makes sure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
            writer.shutdownNow();
        }
    }

    private void readLines(Reader in, boolean isStderr) {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        char[] buf = new char[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                for (int i = 0; i < n; i++) {
                    char c = buf[i];
                    if (c == '\n') {
                        emit(line, tooLong, isStderr);
                        line.setLength(0);
                        tooLong = false;
                    } else if (line.length() < MAX_LINE_CHARS) {
                        line.append(c);
                    } else {
                        tooLong = true;
                    }
                }
            }
            if (line.length() > 0) {
                emit(line, tooLong, isStderr);
            }
        } catch (IOException e) {
            // the stream closes when the process is killed: that is the end of its output
        } finally {
            if (!isStderr) {
                stdout.add(END_OF_OUTPUT);
            }
        }
    }

    private void emit(StringBuilder line, boolean tooLong, boolean isStderr) {
        String text = line.toString();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (isStderr) {
            System.err.println("[" + Thread.currentThread().getName().replace("-stderr", "") + "] " + text);
            synchronized (stderrTail) {
                remember(text.length() > 200 ? text.substring(0, 200) + "…" : text);
            }
        } else {
            stdout.add(tooLong ? LINE_TOO_LONG : text);
        }
    }

    private void remember(String text) {
        if (stderrTail.size() == STDERR_TAIL_LINES) {
            stderrTail.removeFirst();
        }
        stderrTail.addLast(text);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
