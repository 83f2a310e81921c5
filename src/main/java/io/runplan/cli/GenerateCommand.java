package io.runplan.cli;

import io.runplan.bench.PlanGenerator;
import io.runplan.io.PlanReader;
import io.runplan.io.PlanWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code runplan generate}: writes a realistic plan file of any size; the same seed gives the same file. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a realistic plan file (office workers, students, shift workers, nurses, coaches with "
                + "group track sessions, gym and track hours). Every generated plan has a solution that keeps every "
                + "hard rule: the generator builds one first and checks it.")
public class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--athletes", paramLabel = "N", required = true, description = "Number of athletes.")
    int athletes;

    @Option(names = "--days", paramLabel = "D", defaultValue = "7", description = "Days in the horizon. Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the plan file.")
    Path out;

    @Override
    public Integer call() {
        if (athletes < 1 || athletes > PlanReader.MAX_ATHLETES) {
            throw new RunplanCommand.BadInputException("--athletes must be between 1 and " + PlanReader.MAX_ATHLETES
                    + ", got " + athletes);
        }
        if (days < 1 || days > 366) {
            throw new RunplanCommand.BadInputException("--days must be between 1 and 366, got " + days);
        }
        var document = PlanGenerator.generate(athletes, days, seed);
        new PlanWriter().write(document, out);
        int sessions = 0;
        for (var athlete : document.get("athletes")) {
            sessions += athlete.get("sessions").size();
        }
        spec.commandLine().getOut().printf("Wrote %s: %d athletes, %d coaches, %d sessions over %d days (seed %d)%n",
                out, athletes, document.path("coaches").size(), sessions, days, seed);
        return RunplanCommand.EXIT_OK;
    }
}
