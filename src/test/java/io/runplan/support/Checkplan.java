package io.runplan.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the independent checker ../shared/tools/checkplan.py and reads the score it prints. */
public final class Checkplan {

    public static final Path SCRIPT = Path.of("..", "shared", "tools", "checkplan.py");
    private static final Pattern SCORE = Pattern.compile("SCORE (\\S+) ");

    private Checkplan() {
    }

    /** Whether python3 and the checker are here (tests that need them are skipped otherwise). */
    public static boolean isAvailable() {
        if (!Files.isRegularFile(SCRIPT)) {
            return false;
        }
        try {
            Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The full output of {@code checkplan.py PLAN [--input ORIGINAL]}. */
    public static String run(Path plan, Path original) {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString(), plan.toString()));
        if (original != null) {
            command.addAll(List.of("--input", original.toString()));
        }
        return execute(command, null);
    }

    /** The sized score of the SCORE line, e.g. "0hard/-1medium/-130soft". */
    public static String score(String output) {
        Matcher m = SCORE.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("checkplan printed no SCORE line:\n" + output);
        }
        return m.group(1);
    }

    /** Scores many plan files in one Python process (through the checker's own functions): file -> score. */
    public static Map<Path, String> scoreAll(List<Path> plans) {
        String driver = String.join("\n",
                "import sys",
                "sys.path.insert(0, sys.argv[1])",
                "import checkplan",
                "for f in sys.stdin.read().split('\\n'):",
                "    if f:",
                "        print(checkplan.score_string(checkplan.check(checkplan.load(f))))");
        StringBuilder input = new StringBuilder();
        plans.forEach(p -> input.append(p).append('\n'));
        String output = execute(List.of("python3", "-c", driver, SCRIPT.getParent().toString()), input.toString());
        String[] lines = output.strip().split("\n");
        if (lines.length != plans.size()) {
            throw new IllegalStateException("checkplan scored " + lines.length + " of " + plans.size() + " plans:\n" + output);
        }
        Map<Path, String> scores = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            scores.put(plans.get(i), lines[i].strip());
        }
        return scores;
    }

    private static String execute(List<String> command, String stdin) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("checkplan did not finish");
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run checkplan: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
