package io.runplan.cli;

import io.runplan.bench.GeneratedPlan;
import io.runplan.bench.PlanGenerator;
import io.runplan.bench.TightPlanGenerator;
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
                + "hard rule: the generator builds one first and checks it. With --tight the calendars leave that "
                + "solution little room, as real ones do.")
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

    @Option(names = "--tight", description = "A tight plan, like the calendars of real runners: work, 12-hour day and "
            + "night shifts with sleep, appointments and busy time right before and after the sessions of the hidden "
            + "solution; narrow day windows; gym, track and coach hours that only just hold it; several coaches whose "
            + "groups are full; history, a few pinned sessions, previous starts near the solution's (re-planning); "
            + "some plans with a 30-minute grain or other rules and weights. Still solvable with 0 hard, 0 medium.")
    boolean tight;

    @Option(names = "--hidden-plan", paramLabel = "FILE", description = "Also write the solution the plan was built "
            + "around (every session placed, no hard rule broken): a known answer to hold a solver's against.")
    Path hiddenPlan;

    @Override
    public Integer call() {
        if (athletes < 1 || athletes > PlanReader.MAX_ATHLETES) {
            throw new RunplanCommand.BadInputException("--athletes must be between 1 and " + PlanReader.MAX_ATHLETES
                    + ", got " + athletes);
        }
        if (days < 1 || days > 366) {
            throw new RunplanCommand.BadInputException("--days must be between 1 and 366, got " + days);
        }
        GeneratedPlan generated = tight ? TightPlanGenerator.generateWithHiddenPlan(athletes, days, seed)
                : PlanGenerator.generateWithHiddenPlan(athletes, days, seed);
        PlanWriter writer = new PlanWriter();
        writer.write(generated.plan(), out);
        var console = spec.commandLine().getOut();
        console.printf("Wrote %s: %d athletes, %d coaches, %d sessions over %d days (seed %d%s)%n",
                out, athletes, generated.plan().path("coaches").size(), generated.sessionCount(), days, seed,
                tight ? ", tight" : "");
        if (hiddenPlan != null) {
            writer.write(generated.hiddenPlan(), hiddenPlan);
            console.printf("Wrote %s: the same plan with the generator's own solution%n", hiddenPlan);
        }
        return RunplanCommand.EXIT_OK;
    }
}
