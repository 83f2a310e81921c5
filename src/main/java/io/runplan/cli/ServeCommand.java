package io.runplan.cli;

import io.runplan.serve.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/**
 * {@code runplan serve [DIR]}: the coach's workbench, a local web app over a folder of plan files (docs/serve.md).
 * Runs until Ctrl-C, which stops every solve (each writes its best plan so far) and then the server.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the coach's workbench: a web app over the plan files in DIR (default: this folder) to see "
                + "each plan's weeks, solve and stop, ask why a session is where it is and where else it could go, move, "
                + "pin and unschedule sessions, add busy time, re-plan after missed sessions or sick days, undo, and "
                + "download the plan and its calendars. Every change is written to the plan file at once; earlier "
                + "versions are kept in DIR/.runplan. Ctrl-C stops it.")
public class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The folder of plan files (*.json). Default: this folder.")
    Path directory = Path.of(".");

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The port to listen on (0: any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on. Default: ${DEFAULT-VALUE} (this machine only). On any other "
                    + "address every request needs the access token printed in the workbench's address.")
    String host;

    @Mixin
    SolverLimits limits = new SolverLimits();

    @Mixin
    StrictOption strictness = new StrictOption();

    @Override
    public Integer call() {
        limits.validate();
        if (!Files.isDirectory(directory)) {
            throw new RunplanCommand.BadInputException(directory + ": no such folder; give the folder of your plan files");
        }
        if (port < 0 || port > 65535) {
            throw new RunplanCommand.BadInputException("--port must be 0 to 65535, got " + port);
        }
        String token = Workbench.Settings.needsToken(host) ? Workbench.Settings.newToken() : null;
        Workbench workbench = new Workbench(new Workbench.Settings(directory, host, port, token, strictness.strict,
                limits.limit == null ? null : limits.limit.moves, limits.limit == null ? null : limits.limit.seconds,
                limits.seed, SolveCommand::defaultSeconds, ReplanCommand.DEFAULT_SECONDS));
        String address;
        try {
            address = workbench.start();
        } catch (RuntimeException e) {
            workbench.close();
            throw new RunplanCommand.BadInputException("cannot listen on " + host + ":" + port + ": " + rootMessage(e));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("runplan workbench for " + directory.toAbsolutePath().normalize() + " at:");
        out.println("    " + address);
        if (token != null) {
            out.println("(the token in the address is needed on " + host + "; keep it to yourself)");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        PrintWriter err = spec.commandLine().getErr();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("Stopping: solves write their best plan so far...");
            err.flush();
            workbench.close();
            err.println("Stopped.");
            err.flush();
            stopped.countDown();
        }, "runplan-serve-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return RunplanCommand.EXIT_OK;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
