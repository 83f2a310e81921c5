package io.runplan.cli;

import ai.timefold.solver.core.config.solver.SolverConfig;
import io.runplan.solver.PlanSolver;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a solver configuration the user names with {@code --solver-config}; a bad one is exit code 2. */
final class SolverConfigFile {

    private SolverConfigFile() {
    }

    /** The configuration in {@code file}, or runplan's default when no file is named. */
    static SolverConfig readOrDefault(Path file) {
        if (file == null) {
            return PlanSolver.defaultConfig();
        }
        if (!Files.isRegularFile(file)) {
            throw new RunplanCommand.BadInputException(file + ": no such solver configuration file");
        }
        checkWellFormed(file);
        SolverConfig config;
        try {
            config = SolverConfig.createFromXmlFile(file.toFile());
        } catch (RuntimeException e) {
            throw new RunplanCommand.BadInputException(file + ": not a Timefold solver configuration ("
                    + rootMessage(e) + "); see benchmark.xml for examples");
        }
        // A <solver> cut from benchmark.xml names only its phases: the model comes from the default.
        SolverConfig model = PlanSolver.defaultConfig();
        if (config.getSolutionClass() == null) {
            config.setSolutionClass(model.getSolutionClass());
        }
        if (config.getEntityClassList() == null || config.getEntityClassList().isEmpty()) {
            config.setEntityClassList(model.getEntityClassList());
        }
        if (config.getScoreDirectorFactoryConfig() == null) {
            config.setScoreDirectorFactoryConfig(model.getScoreDirectorFactoryConfig());
        }
        return config;
    }

    /** The error for a configuration that reads but that Timefold refuses when it builds or starts a phase. */
    static RunplanCommand.BadInputException unusable(Path file, RuntimeException e) {
        return new RunplanCommand.BadInputException(file + ": the solver configuration cannot run (" + rootMessage(e)
                + "); see benchmark.xml for examples");
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** Parses the file quietly first: the JDK's parser would print its own "[Fatal Error]" line to stderr. */
    private static void checkWellFormed(Path file) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            builder.parse(file.toFile());
        } catch (SAXParseException e) {
            throw new RunplanCommand.BadInputException(file + ": line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": not a Timefold solver configuration (" + e.getMessage() + ")");
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new RunplanCommand.BadInputException(file + ": not a Timefold solver configuration ("
                    + e.getMessage() + ")");
        }
    }
}
