package io.runplan.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanFormatException;
import io.runplan.io.PlanReader;
import io.runplan.io.PlanWriter;
import io.runplan.report.SeasonPage;
import io.runplan.season.Distance;
import io.runplan.season.SeasonDocument;
import io.runplan.season.SeasonWeek;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code runplan season ATHLETE.json --race DATE --distance D}: plans every week up to the race by the season rules
 * (docs/season.md) and writes them as one plan file for {@code solve}; with {@code --now}, the rest of a solved season
 * from what was done.
 */
@Command(name = "season", mixinStandardHelpOptions = true,
        description = "Plan a season backwards from a goal race: each week's phase, runs, lifts and lifting block, by the "
                + "season rules (docs/season.md), written as one plan file (by default NAME.season.json next to the input) "
                + "whose sessions 'runplan solve' then places in the athlete's calendar. With --now DATE: the rest of a "
                + "solved season, grown from what was done before DATE.")
public class SeasonCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ATHLETE.json", description = "A plan file with the athlete's calendars, day window, "
            + "preferences, history and 'current' training (its sessions are ignored); with --now, a solved season file. "
            + "Never modified.")
    Path input;

    @Option(names = "--race", paramLabel = "DATE", description = "The race day (2027-03-14): the last day of the season.")
    String race;

    @Option(names = "--distance", paramLabel = "DISTANCE", description = "5k, 10k, half or marathon.")
    String distance;

    @Option(names = "--weeks", paramLabel = "N", description = "Weeks in the season, race week included (2-52); by "
            + "default the full weeks from the file's start to the race.")
    Integer weeks;

    @Option(names = "--race-minutes", paramLabel = "M", description = "The race's time in the calendar, warm-up "
            + "included (default 45, 75, 150, 300 for 5k, 10k, half, marathon).")
    Integer raceMinutes;

    @Option(names = "--athlete", paramLabel = "ID", description = "The athlete to plan, when the file has several.")
    String athlete;

    @Option(names = "--now", paramLabel = "DATE", description = "Re-plan the rest of a solved season: the weeks from the "
            + "first one that starts on or after DATE; sessions placed before it count as done (history), except --missed.")
    String now;

    @Option(names = "--missed", arity = "1..*", paramLabel = "ID", description = "With --now: sessions placed before "
            + "DATE that did not happen.")
    List<String> missed = new ArrayList<>();

    @Option(names = "--out", paramLabel = "SEASON.json", description = "Where to write the season's plan file.")
    Path out;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the season page: the weeks' load as a chart "
            + "and each week's sessions (after 'solve --html': each week's view).")
    Path html;

    @Mixin
    StrictOption strictness = new StrictOption();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        boolean rest = now != null;
        if (rest && (race != null || distance != null || weeks != null || raceMinutes != null || athlete != null)) {
            throw new RunplanCommand.BadInputException("--now re-plans the season of a season file: its race, distance, "
                    + "weeks and athlete come from the file's season block; leave out --race, --distance, --weeks, "
                    + "--race-minutes and --athlete");
        }
        if (!rest && !missed.isEmpty()) {
            throw new RunplanCommand.BadInputException("--missed goes with --now (re-planning the rest of a solved season)");
        }
        if (!rest && (race == null || distance == null)) {
            throw new RunplanCommand.BadInputException("give the race: --race DATE --distance 5k|10k|half|marathon "
                    + "(or --now DATE to re-plan the rest of a solved season)");
        }
        if (weeks != null && (weeks < 2 || weeks > 52)) {
            throw new RunplanCommand.BadInputException("--weeks " + weeks + ": a season has 2 to 52 weeks");
        }
        if (raceMinutes != null && (raceMinutes < 10 || raceMinutes > 1440)) {
            throw new RunplanCommand.BadInputException("--race-minutes " + raceMinutes + ": expected 10 to 1440 minutes");
        }
        Path target = out != null ? out : defaultOutput(input, rest);
        if (Files.exists(input) && Files.exists(target) && SolveCommand.sameFile(input, target)) {
            throw new RunplanCommand.BadInputException(target + ": is the input file; runplan never writes over its "
                    + "input, choose another --out");
        }
        PlanExports.checkTargets(input, null, html);
        if (html != null && SolveCommand.sameFile(target, html)) {
            throw new RunplanCommand.BadInputException(html + ": is also --out; choose another --html");
        }
        SeasonDocument.Made made;
        try {
            if (rest) {
                PlanFile solved = PlanInput.read(input, strictness.strict, err);
                made = SeasonDocument.restOfSeason(solved, new SeasonDocument.RestOfSeason(date(now, "--now"), missed));
            } else {
                Distance goal = Distance.byLabel(distance).orElseThrow(() -> new RunplanCommand.BadInputException(
                        "--distance '" + distance + "': use 5k, 10k, half or marathon"));
                PlanFile athleteFile = PlanInput.read(input, SeasonDocument.withSessionLists(tree(err)), strictness.strict, err);
                made = SeasonDocument.newSeason(athleteFile, new SeasonDocument.NewSeason(date(race, "--race"), goal, weeks,
                        raceMinutes, athlete));
            }
        } catch (PlanFormatException e) {
            throw RunplanCommand.BadInputException.of(input, e);
        } catch (IllegalArgumentException e) {
            throw new RunplanCommand.BadInputException(input + ": " + e.getMessage());
        }
        PlanFile season;
        try {
            // the season is read like any plan file: what solve will read, with the calendars' busy time of its weeks
            season = new PlanReader(strictness.strict).read(input, made.document());
        } catch (PlanFormatException e) {
            throw new RunplanCommand.BadInputException(input + ": the season planned from it cannot be solved: " + e.describe());
        }
        PlanWriter writer = new PlanWriter();
        ObjectNode written = writer.withCalendarBusy(season, target);
        printSeason(stdout, made);
        writer.write(written, target);
        stdout.printf(Locale.ROOT, "%nWrote %s (%d sessions in %d weeks from %s). Next: runplan solve %s%n", target,
                season.plan().getSessions().size(), made.season().weeks().size(), made.start(), target);
        if (html != null) {
            new SeasonPage(season, season.plan(), null).write(html);
            stdout.printf(Locale.ROOT, "Wrote %s%n", html);
        }
        stdout.flush();
        return RunplanCommand.EXIT_OK;
    }

    /** The input document; a file that is not JSON is refused by the plan reader's own words. */
    private JsonNode tree(PrintWriter err) {
        try {
            JsonNode tree = JSON.readTree(input.toFile());
            if (tree != null && !tree.isMissingNode()) {
                return tree;
            }
        } catch (IOException e) {
            // the reader says what is wrong and where
        }
        PlanInput.read(input, strictness.strict, err);
        throw new RunplanCommand.BadInputException(input + ": not a plan file");
    }

    private static void printSeason(PrintWriter out, SeasonDocument.Made made) {
        var season = made.season();
        out.printf(Locale.ROOT, "Season of %s: %s, %d weeks to the race (weeks %d-%d here), from %d min a week, "
                        + "longest run %d min%s%n", made.athleteId(), season.distance(), season.totalWeeks(),
                season.firstWeek(), season.totalWeeks(), season.current().weeklyRunMinutes(),
                season.current().longestRunMinutes(), made.done() > 0 ? " (done before: " + made.done() + " sessions)" : "");
        out.println("  week  from        phase       run min  long  quality  lifts");
        for (SeasonWeek week : season.weeks()) {
            out.printf(Locale.ROOT, "  %4d  %s  %-10s  %7d  %4s  %7d  %d %s, block %s%s%n", week.week(),
                    made.start().plusDays(7L * (week.week() - season.firstWeek())), week.phase(), week.runMinutes(),
                    week.raceWeek() ? "race" : String.valueOf(week.longRunMinutes()), week.quality(), week.lifts(),
                    week.liftFocus(), week.liftBlock(), week.cutBack() ? "  (cut-back week)" : "");
        }
    }

    private static LocalDate date(String text, String option) {
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                // falls through to the message below
            }
        }
        throw new RunplanCommand.BadInputException(option + " '" + text + "': expected a date like 2027-03-14");
    }

    static Path defaultOutput(Path input, boolean rest) {
        String name = input.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        stem = stem.replaceAll("\\.solved$", "");
        return input.resolveSibling(stem + (rest ? ".rest.json" : ".season.json"));
    }
}
