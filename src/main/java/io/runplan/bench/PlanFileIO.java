package io.runplan.bench;

import ai.timefold.solver.persistence.common.api.domain.solution.SolutionFileIO;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanReader;
import io.runplan.solver.StartSlots;

import java.io.File;

/** Lets Timefold's benchmarker read plan files (docs/plan-format.md); the benchmark writes no solutions, it reports scores. */
public class PlanFileIO implements SolutionFileIO<TrainingPlan> {

    @Override
    public String getInputFileExtension() {
        return "json";
    }

    @Override
    public TrainingPlan read(File file) {
        return StartSlots.assign(new PlanReader().read(file.toPath()).plan());
    }

    @Override
    public void write(TrainingPlan plan, File file) {
        throw new UnsupportedOperationException("runplan's benchmark does not write solutions "
                + "(writeOutputSolutionEnabled is false); solve a plan with 'runplan solve' to get one");
    }
}
