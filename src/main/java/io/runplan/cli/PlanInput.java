package io.runplan.cli;

import io.runplan.io.PlanFile;
import io.runplan.io.PlanFormatException;
import io.runplan.io.PlanReader;

import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the plan file a command was given, turning format errors into the one-line message users see. */
final class PlanInput {

    private PlanInput() {
    }

    static PlanFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RunplanCommand.BadInputException(file + ": no such file");
        }
        try {
            return new PlanReader().read(file);
        } catch (PlanFormatException e) {
            throw RunplanCommand.BadInputException.of(file, e);
        }
    }
}
