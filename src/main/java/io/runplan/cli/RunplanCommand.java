package io.runplan.cli;

import io.runplan.batch.PlanJob;
import io.runplan.io.PlanFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** The {@code runplan} command: plans a runner's (or a club's) training weeks around real calendars. */
@Command(name = "runplan", mixinStandardHelpOptions = true, version = "runplan 0.1.0",
        description = "Plans training sessions into the days and times of real calendars, by the rules coaches give.",
        subcommands = {SolveCommand.class, SeasonCommand.class, BatchCommand.class, CheckCommand.class, ReplanCommand.class,
                ExportCommand.class, ServeCommand.class, GenerateCommand.class, BenchmarkCommand.class,
                CommandLine.HelpCommand.class})
public class RunplanCommand implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_HARD_BROKEN = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERNAL_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line; bad input is one line on stderr and exit code 2, never a stack trace. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new RunplanCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            // A mistyped command line is bad input like a bad file: one line, what to do, exit code 2.
            CommandLine cmd = exception.getCommandLine();
            String suggestions = exception instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getSuggestions().isEmpty()
                    ? "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?" : "";
            cmd.getErr().println("runplan: " + oneLine(exception.getMessage()).replaceFirst("^Error: ", "") + suggestions + " (see '"
                    + cmd.getCommandSpec().qualifiedName() + " --help')");
            return EXIT_BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof BadInputException || exception instanceof UncheckedIOException) {
                cmd.getErr().println("runplan: " + oneLine(exception.getMessage()));
                return EXIT_BAD_INPUT;
            }
            // A bug, not the user's input: still one line, the trace only when asked for.
            cmd.getErr().println("runplan: internal error, please report it: " + oneLine(String.valueOf(exception)));
            if (System.getenv("RUNPLAN_DEBUG") != null) {
                exception.printStackTrace(cmd.getErr());
            }
            return EXIT_INTERNAL_ERROR;
        });
        return commandLine.execute(args);
    }

    /** Messages quote the user's text; control characters and great lengths must not break the one line. */
    static String oneLine(String message) {
        return PlanJob.oneLine(message);
    }

    /** Input the user can fix: the message names the file, the place in it and what to do. */
    public static final class BadInputException extends RuntimeException {
        public BadInputException(String message) {
            super(message);
        }

        public static BadInputException of(java.nio.file.Path file, PlanFormatException e) {
            return new BadInputException(file + ": " + e.describe());
        }
    }
}
