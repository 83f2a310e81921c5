package io.runplan.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.runplan.io.AtomicFile;
import io.runplan.domain.Athlete;
import io.runplan.domain.Horizon;
import io.runplan.domain.Minutes;
import io.runplan.domain.Session;
import io.runplan.domain.SessionType;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.PlanFile;
import io.runplan.io.PlanWriter;
import io.runplan.season.SeasonBlock;
import io.runplan.solver.PlanReport;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The season page: one self-contained HTML page (no scripts, nothing from outside) with a chart of the season (run
 * minutes by type and lifts week by week, the phases as bands, the long run's progression; hand-written SVG from the
 * template {@code season.mustache}) and under it each week: its view as the week page draws it (the same template
 * part), or before the season is solved, its sessions.
 */
public final class SeasonPage {

    private static final Mustache TEMPLATE = new DefaultMustacheFactory("io/runplan/report").compile("season.mustache");

    /** The chart's drawing box, in SVG units (it scales to the page's width). */
    static final int WIDTH = 960;
    static final int HEIGHT = 320;
    private static final int LEFT = 52;
    private static final int RIGHT = 12;
    private static final int TOP = 34;
    private static final int AXIS = 236;
    private static final int LIFT_ROW = 248;
    private static final int LIFT_SIZE = 9;
    private static final int WEEK_LABELS = 284;

    private static final List<SessionType> STACK = List.of(SessionType.LONG_RUN, SessionType.SPEED, SessionType.EASY_RUN);

    private final PlanFile file;
    private final TrainingPlan plan;
    private final PlanReport report;
    private final SeasonBlock block;

    /**
     * @param file the season file as read (its season block and time zone)
     * @param plan the plan to show: solved, or as read
     * @param report the solved plan's report, or null before it is solved (the page then lists each week's sessions)
     */
    public SeasonPage(PlanFile file, TrainingPlan plan, PlanReport report) {
        this.file = file;
        this.plan = plan;
        this.report = report;
        this.block = SeasonBlock.of(file.document()).orElseThrow(() -> new IllegalArgumentException("not a season file"));
    }

    /** Whether {@code file} is a season's plan file (it has a season block). */
    public static boolean isSeason(PlanFile file) {
        return file.document().hasNonNull("season");
    }

    public String html() {
        StringWriter writer = new StringWriter();
        render(writer);
        return writer.toString();
    }

    public void write(Path target) {
        AtomicFile.write(target, stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            render(writer);
            writer.flush();
        });
    }

    private void render(Writer writer) {
        try {
            TEMPLATE.execute(writer, page()).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ the page's model

    record Page(String title, String about, boolean solved, String score, boolean feasible, String verdict,
            boolean hasProblems, List<WeekPage.Problem> broken, List<WeekPage.Unplaced> unscheduled,
            List<WeekPage.Legend> legend, Chart chart, List<WeekSection> weeks) {

        public boolean hasUnscheduled() {
            return !unscheduled.isEmpty();
        }
    }

    /** The SVG chart: every coordinate worked out here, the template only writes them down. */
    record Chart(int width, int height, int left, int right, int top, int axis, String description, List<Band> bands,
            List<Tick> ticks, List<Bar> bars, String longRunPoints, List<Dot> longRunDots, List<Mark> lifts,
            int liftLabelY, int weekLabelY) {

        public int plotHeight() {
            return axis - top;
        }
    }

    /** A phase's band behind its weeks. */
    record Band(String css, int x, int width, int labelX, String label) {
    }

    /** A line across the chart at so many minutes. */
    record Tick(int y, String label) {
    }

    /** One week's stacked bar: its parts from the bottom up, its label under the axis. */
    record Bar(int week, int x, int width, int labelX, String label, boolean cutBack, String tooltip, List<Part> parts) {
    }

    /** A part of a bar: minutes of one kind of run, placed or not. */
    record Part(String css, int y, int height) {
    }

    /** A point of the long run's line. */
    record Dot(int week, int x, int y, String tooltip) {
    }

    /** One lift under a week's bar: filled when placed (or planned, before solving), hollow when left out. */
    record Mark(int week, int x, int y, int size, String css, String tooltip) {
    }

    /** A week under the chart: its heading, its figures, and its view (solved) or its sessions (not yet). */
    record WeekSection(String anchor, String heading, String phaseCss, String figures, WeekPage.WeekView grid,
            List<String> sessions) {
    }

    Page page() {
        Horizon horizon = plan.getHorizon();
        Athlete athlete = plan.getAthletes().stream().filter(a -> a.id().equals(block.athleteId())).findFirst()
                .orElse(plan.getAthletes().get(0));
        List<Session> sessions = plan.sessionsOf(athlete);
        int weekCount = block.weeks().size();
        List<List<Session>> byWeek = new ArrayList<>();
        for (int i = 0; i < weekCount; i++) {
            byWeek.add(new ArrayList<>());
        }
        for (Session session : sessions) {
            int day = session.getDates() != null ? session.getDates().firstDay()
                    : session.isScheduled() ? session.getDay() : -1;
            if (day >= 0 && day / 7 < weekCount) {
                byWeek.get(day / 7).add(session);
            }
        }
        Chart chart = chart(byWeek);
        List<WeekPage.WeekView> grids = List.of();
        WeekPage.Page weekPage = null;
        if (report != null) {
            weekPage = new WeekPage(plan, report, file.timeZone()).page();
            grids = weekPage.people().stream().filter(p -> p.anchor().equals("athlete-" + athlete.id().replaceAll(
                    "[^A-Za-z0-9_-]", "_"))).findFirst().map(WeekPage.PersonView::weeks).orElse(List.of())
                    .stream().map(this::withLiftBlocks).toList();
        }
        List<WeekSection> sections = new ArrayList<>();
        for (int i = 0; i < weekCount; i++) {
            SeasonBlock.Week week = block.weeks().get(i);
            String heading = "Week " + week.week() + " of " + block.totalWeeks() + " \u00b7 " + week.phase().label()
                    + (week.cutBack() ? " (cut-back)" : "") + (week.week() == block.totalWeeks() ? " \u00b7 race week" : "");
            String span = horizon.describeDay(7 * i) + " - " + horizon.describeDay(Math.min(7 * i + 6, horizon.days() - 1));
            String figures = span + " \u00b7 " + week.runMinutes() + " min running"
                    + (week.longRunMinutes() > 0 ? ", long run " + Minutes.duration(week.longRunMinutes()) : "")
                    + " \u00b7 " + week.quality() + " quality \u00b7 " + week.lifts() + " " + week.liftFocus()
                    + (week.lifts() == 1 ? " lift" : " lifts") + ", block " + week.liftBlock();
            List<String> listed = report != null ? List.of() : byWeek.get(i).stream()
                    .sorted(Comparator.comparing(Session::getId))
                    .map(s -> s.getType().title() + " " + Minutes.duration(s.getMinutes())
                            + liftBlock(s) + " (" + s.getId() + ")").toList();
            sections.add(new WeekSection("week-" + week.week(), heading, "phase-" + week.phase().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'), figures, i < grids.size() ? grids.get(i) : null, listed));
        }
        String title = athlete.name() + ": " + block.distance().title() + " on "
                + Minutes.dayLabel(block.raceDate()) + " " + block.raceDate().getYear();
        String about = block.totalWeeks() + " weeks to the race" + (block.firstWeek() > 1 ? " (weeks " + block.firstWeek()
                + "-" + block.totalWeeks() + " planned here, from what was done)" : "") + " \u00b7 "
                + horizon.describeDay(0) + " - " + horizon.describeDay(horizon.days() - 1)
                + (file.timeZone() == null ? "" : " \u00b7 times in " + file.timeZone().getId());
        List<WeekPage.Legend> legend = List.of(new WeekPage.Legend("long-run", "Long run"), new WeekPage.Legend("speed", "Speed"),
                new WeekPage.Legend("easy-run", "Easy run"), new WeekPage.Legend("race", "Race"),
                new WeekPage.Legend("lift", "Lift"), new WeekPage.Legend("unplaced", "Left out by the solver"));
        if (weekPage == null) {
            return new Page(title, about, false, null, true, "not placed yet: runplan solve places the sessions in the "
                    + "calendar", false, List.of(), List.of(), legend, chart, sections);
        }
        return new Page(title, about, true, weekPage.score(), weekPage.feasible(), weekPage.verdict(), weekPage.hasProblems(),
                weekPage.broken(), weekPage.unscheduled(), legend, chart, sections);
    }

    private Chart chart(List<List<Session>> byWeek) {
        int weeks = byWeek.size();
        int plotWidth = WIDTH - LEFT - RIGHT;
        double slot = plotWidth / (double) weeks;
        int barWidth = (int) Math.max(4, Math.round(slot * 0.62));
        int most = 60;
        for (int i = 0; i < weeks; i++) {
            most = Math.max(most, byWeek.get(i).stream().filter(Session::isRun).mapToInt(Session::getMinutes).sum());
        }
        int step = most > 720 ? 120 : 60;
        int top = (most * 21 / 20 + step - 1) / step * step;
        double scale = (AXIS - TOP) / (double) top;
        List<Tick> ticks = new ArrayList<>();
        for (int minutes = 0; minutes <= top; minutes += step) {
            ticks.add(new Tick(AXIS - (int) Math.round(minutes * scale), minutes / 60 + "h"));
        }
        List<Band> bands = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= weeks; i++) {
            if (i == weeks || block.weeks().get(i).phase() != block.weeks().get(from).phase()) {
                int x = LEFT + (int) Math.round(from * slot);
                int width = LEFT + (int) Math.round(i * slot) - x;
                var phase = block.weeks().get(from).phase();
                String label = width >= 60 ? phase.label() : width >= 28 ? phase.label().substring(0, 4) : "";
                bands.add(new Band("phase-" + phase.name().toLowerCase(Locale.ROOT).replace('_', '-'), x, width,
                        x + width / 2, label));
                from = i;
            }
        }
        List<Bar> bars = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        List<Mark> lifts = new ArrayList<>();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < weeks; i++) {
            SeasonBlock.Week week = block.weeks().get(i);
            int center = LEFT + (int) Math.round((i + 0.5) * slot);
            List<Part> parts = new ArrayList<>();
            int y = AXIS;
            int unplaced = 0;
            StringBuilder tooltip = new StringBuilder("Week " + week.week() + " (" + week.phase().label()
                    + (week.cutBack() ? ", cut-back" : "") + "):");
            for (SessionType type : STACK) {
                int minutes = 0;
                for (Session session : byWeek.get(i)) {
                    if (session.getType() == type && !isRace(session)) {
                        if (placed(session)) {
                            minutes += session.getMinutes();
                        } else {
                            unplaced += session.getMinutes();
                        }
                    }
                }
                if (minutes > 0) {
                    int height = (int) Math.round(minutes * scale);
                    y -= height;
                    parts.add(new Part(css(type), y, height));
                    tooltip.append(' ').append(type.title().toLowerCase(Locale.ROOT)).append(' ')
                            .append(minutes).append(" min,");
                }
            }
            for (Session session : byWeek.get(i)) {
                if (isRace(session)) {
                    int height = (int) Math.round(session.getMinutes() * scale);
                    y -= height;
                    parts.add(new Part(placed(session) ? "race" : "unplaced", y, height));
                    tooltip.append(" the race ").append(session.getMinutes()).append(" min,");
                }
            }
            if (unplaced > 0) {
                int height = (int) Math.round(unplaced * scale);
                y -= height;
                parts.add(new Part("unplaced", y, height));
                tooltip.append(" left out ").append(unplaced).append(" min,");
            }
            List<Session> weekLifts = byWeek.get(i).stream().filter(Session::isLift)
                    .sorted(Comparator.comparing(Session::getId)).toList();
            tooltip.append(' ').append(weekLifts.size()).append(weekLifts.size() == 1 ? " lift" : " lifts")
                    .append(" (").append(week.liftFocus()).append(", block ").append(week.liftBlock()).append(')');
            int markSize = (int) Math.max(3, Math.min(LIFT_SIZE, (slot - 2) / Math.max(1, weekLifts.size()) - 2));
            int rowWidth = weekLifts.size() * (markSize + 2) - 2;
            for (int k = 0; k < weekLifts.size(); k++) {
                Session lift = weekLifts.get(k);
                lifts.add(new Mark(week.week(), center - rowWidth / 2 + k * (markSize + 2), LIFT_ROW, markSize,
                        placed(lift) ? "lift" : "unplaced", lift.getId() + (placed(lift) ? "" : " (left out)")));
            }
            boolean label = weeks <= 26 || week.week() % 2 == 0 || i == weeks - 1;
            bars.add(new Bar(week.week(), center - barWidth / 2, barWidth, center, label ? String.valueOf(week.week()) : "",
                    week.cutBack(), tooltip.toString(), parts));
            if (week.longRunMinutes() > 0) {
                int dotY = AXIS - (int) Math.round(week.longRunMinutes() * scale);
                points.append(points.isEmpty() ? "" : " ").append(center).append(',').append(dotY);
                dots.add(new Dot(week.week(), center, dotY, "Week " + week.week() + ": long run "
                        + Minutes.duration(week.longRunMinutes())));
            }
        }
        String description = "Run minutes of each of the " + weeks + " weeks by type, the lifts under each week, the "
                + "phases as bands and the long run as a line";
        return new Chart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, AXIS, description, bands, ticks, bars, points.toString(),
                dots, lifts, LIFT_ROW + LIFT_SIZE, WEEK_LABELS);
    }

    /** The week's grid with each lift saying its block and focus ("Lift 45 min, block B maintenance"). */
    private WeekPage.WeekView withLiftBlocks(WeekPage.WeekView week) {
        List<WeekPage.DayView> days = week.days().stream().map(day -> new WeekPage.DayView(day.date(), day.label(), day.shortLabel(),
                day.hard(), day.items().stream().map(item -> {
                    var node = item.session() == null ? null : file.sessionNodes().get(item.session());
                    if (node == null || !node.hasNonNull("block")) {
                        return item;
                    }
                    String lift = ", block " + node.get("block").asText() + " " + node.path("focus").asText("");
                    return new WeekPage.Item(item.css(), item.top(), item.length(), item.lane(), item.lanes(), item.time(),
                            item.title() + lift.stripTrailing(), item.detail(), item.tooltip(), item.broken(), item.session(),
                            item.group(), item.busy());
                }).toList())).toList();
        return new WeekPage.WeekView(week.label(), week.from(), week.height(), week.hours(), days);
    }

    /** Before solving every session counts as planned; after, only the placed ones. */
    private boolean placed(Session session) {
        return report == null || session.isScheduled();
    }

    private String liftBlock(Session session) {
        var node = file.sessionNodes().get(session.getId());
        return node == null || !node.hasNonNull("block") ? ""
                : ", block " + node.get("block").asText() + " " + node.path("focus").asText("");
    }

    private boolean isRace(Session session) {
        return session.getId().equals(raceSessionId());
    }

    private String raceSessionId() {
        return file.document().path("season").path("race").path("session").asText("");
    }

    private static String css(SessionType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
