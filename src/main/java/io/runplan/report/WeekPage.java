package io.runplan.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.runplan.domain.Athlete;
import io.runplan.domain.BusyBlock;
import io.runplan.domain.Coach;
import io.runplan.domain.Horizon;
import io.runplan.domain.Minutes;
import io.runplan.domain.Rule;
import io.runplan.domain.Session;
import io.runplan.domain.SessionType;
import io.runplan.domain.TrainingPlan;
import io.runplan.domain.Window;
import io.runplan.io.AtomicFile;
import io.runplan.solver.PlanReport;
import io.runplan.solver.Reason;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The week view: one self-contained HTML page (no scripts, no outside files) with, per athlete and per coach, a grid
 * of days by hours: busy time greyed, sessions coloured by type with their times, hard days marked, and the broken
 * rules and unscheduled sessions listed at the top and outlined in red where they are. On a narrow (phone) screen
 * each day becomes a list. Rendered from the Mustache template {@code week.mustache} beside this class.
 * <p>
 * The elements carry what a script needs to act on them (the workbench of {@code runplan serve} links its own
 * stylesheet and script with {@link #html(List, List)}): each person's {@code data-person}, each week's first minute
 * of the day ({@code data-from}), each day's date, each session's id, each busy block's span and each unscheduled
 * session's id.
 */
public final class WeekPage {

    /** The page template, compiled once: it reads the records below. */
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("io/runplan/report").compile("week.mustache");

    private final TrainingPlan plan;
    private final PlanReport report;
    private final SessionExplanation explanation;
    private final ZoneId timeZone;
    private final Set<String> breaking = new HashSet<>();

    /** @param timeZone the plan's "timeZone" (shown on the page), or null */
    public WeekPage(TrainingPlan plan, PlanReport report, ZoneId timeZone) {
        this.plan = plan;
        this.report = report;
        this.explanation = new SessionExplanation(plan, report);
        this.timeZone = timeZone;
        for (PlanReport.RuleScore rule : report.ofLevel(Rule.Level.HARD)) {
            rule.reasons().forEach(reason -> breaking.addAll(reason.sessionIds()));
        }
    }

    /** The page as HTML text. */
    public String html() {
        return html(List.of(), List.of());
    }

    /** The page with these stylesheets and scripts (addresses) linked in its head, for a page that is served. */
    public String html(List<String> stylesheets, List<String> scripts) {
        StringWriter writer = new StringWriter();
        render(writer, page(stylesheets, scripts));
        return writer.toString();
    }

    /** Writes the page to {@code target}, whole or not at all. */
    public void write(Path target) {
        AtomicFile.write(target, stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            render(writer, page(List.of(), List.of()));
            writer.flush();
        });
    }

    private void render(Writer writer, Page page) {
        try {
            TEMPLATE.execute(writer, page).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ the page's model (what the template shows)

    /** Everything the template shows. */
    record Page(String title, String horizon, String timeZone, String score, boolean feasible, String verdict,
            boolean hasProblems, List<Problem> broken, List<Unplaced> unscheduled, List<Legend> legend,
            List<PersonView> people, List<String> stylesheets, List<String> scripts) {

        public boolean hasUnscheduled() {
            return !unscheduled.isEmpty();
        }
    }

    /** A broken hard rule and its reasons. */
    record Problem(String rule, String score, List<String> reasons) {
    }

    /** A session left unscheduled and why. */
    record Unplaced(String id, String athlete, String what, String reason) {
    }

    /** A colour of the legend. */
    record Legend(String css, String label) {
    }

    /** One athlete or coach: a grid per week and the notes on each session. */
    record PersonView(String anchor, String key, String name, String role, String about, List<WeekView> weeks,
            List<Note> notes) {

        public boolean hasNotes() {
            return !notes.isEmpty();
        }
    }

    /** One week of one person; {@code from} is the minute of the day at the grid's top. */
    record WeekView(String label, int from, int height, List<HourMark> hours, List<DayView> days) {
    }

    /** An hour line of the grid. */
    record HourMark(String label, int top) {
    }

    /** One day's column; {@code date} as in the plan file. */
    record DayView(String date, String label, String shortLabel, boolean hard, List<Item> items) {
    }

    /**
     * A busy block or a session (or a coach's group) in a day's column; top and length in minutes from the grid's top;
     * {@code busy} is a busy block's whole span as the plan file gives it ("2026-11-24T09:00/2026-11-24T12:00").
     */
    record Item(String css, int top, int length, int lane, int lanes, String time, String title, String detail,
            String tooltip, boolean broken, String session, String group, String busy) {
    }

    /** Why a session is where it is, for the list under a person's grids. */
    record Note(String time, String title, boolean broken, List<String> broke, List<String> why, List<String> costs) {
    }

    Page page() {
        return page(List.of(), List.of());
    }

    private Page page(List<String> stylesheets, List<String> scripts) {
        Horizon horizon = plan.getHorizon();
        var score = report.score();
        String verdict = PlanReport.verdict(plan, score);
        List<Problem> broken = report.ofLevel(Rule.Level.HARD).stream()
                .map(r -> new Problem(r.rule().ruleName(), r.score().toString(), r.reasons().stream().map(Reason::text).toList()))
                .toList();
        List<Unplaced> unscheduled = new ArrayList<>();
        for (Session session : plan.getSessions()) {
            if (!session.isScheduled()) {
                unscheduled.add(new Unplaced(session.getId(), session.getAthlete().name(), explanation.summary(session),
                        report.unscheduledReasons().getOrDefault(session.getId(), "not placed")));
            }
        }
        List<Legend> legend = new ArrayList<>();
        for (SessionType type : SessionType.values()) {
            legend.add(new Legend(css(type), type.title()));
        }
        legend.add(new Legend("busy", "Busy"));
        List<PersonView> people = new ArrayList<>();
        plan.getAthletes().forEach(athlete -> people.add(athleteView(athlete)));
        plan.getCoaches().forEach(coach -> people.add(coachView(coach)));
        String span = horizon.describeDay(0) + " - " + horizon.describeDay(horizon.days() - 1) + " " + horizon.date(horizon.days() - 1).getYear();
        return new Page(plan.getName(), span, timeZone == null ? null : timeZone.getId(), score.toString(),
                score.hardScore() == 0, verdict, !broken.isEmpty() || !unscheduled.isEmpty(), broken, unscheduled, legend,
                people, List.copyOf(stylesheets), List.copyOf(scripts));
    }

    private PersonView athleteView(Athlete athlete) {
        List<Session> sessions = plan.sessionsOf(athlete).stream().filter(Session::isScheduled)
                .sorted(Comparator.comparingInt(Session::getStart).thenComparing(Session::getId)).toList();
        List<Placed> placed = new ArrayList<>();
        for (Session session : sessions) {
            boolean broken = breaking.contains(session.getId());
            String where = session.where();
            String with = "";
            if (session.getCoach() != null) {
                List<String> others = explanation.group(session).stream().filter(s -> s != session)
                        .map(s -> s.getAthlete().name()).toList();
                with = (where.isEmpty() ? "" : ", ") + "coach " + session.getCoach().id()
                        + (others.isEmpty() ? "" : ", with " + String.join(", ", others));
            }
            placed.add(new Placed(session.getStart(), session.getEnd(), css(session.getType()),
                    session.getType().title() + " " + Minutes.duration(session.getMinutes()),
                    (where + with).isEmpty() ? null : where + with, explanation.summary(session) + "\n" + String.join("\n", explanation.why(session)),
                    broken, session.getId(), null, session.isQuality()));
        }
        List<Note> notes = sessions.stream().map(s -> new Note(plan.getHorizon().describe(s.getStart()) + "-"
                + Minutes.clock(Minutes.minuteOfDay(s.getEnd())), explanation.summary(s) + " (" + s.getId() + ")",
                breaking.contains(s.getId()), explanation.broken(s), explanation.why(s), explanation.costs(s))).toList();
        String about = "day " + athlete.day() + " \u00b7 " + sessions.size() + " of " + plan.sessionsOf(athlete).size()
                + " sessions placed";
        return new PersonView("athlete-" + anchor(athlete.id()), "athlete:" + athlete.id(), athlete.name(), "Athlete", about,
                weeks(athlete.day(), athlete.busy(), placed, day -> plan.isHardDay(athlete, day)), notes);
    }

    private PersonView coachView(Coach coach) {
        List<Session> coached = plan.getSessions().stream().filter(s -> s.getCoach() == coach && s.isScheduled())
                .sorted(Comparator.comparingInt(Session::getStart).thenComparing(Session::getId)).toList();
        List<Placed> placed = new ArrayList<>();
        Set<Session> done = new HashSet<>();
        int groups = 0;
        for (Session session : coached) {
            if (done.contains(session)) {
                continue;
            }
            List<Session> group = explanation.group(session);
            done.addAll(group);
            groups++;
            Session first = group.get(0);
            boolean broken = group.stream().anyMatch(s -> breaking.contains(s.getId()));
            String names = String.join(", ", group.stream().map(s -> s.getAthlete().name()).toList());
            placed.add(new Placed(first.getStart(), first.getEnd(), css(first.getType()),
                    first.getType().title() + " " + Minutes.duration(first.getMinutes()),
                    names, "Leads " + names + " " + first.where(),
                    broken, null, coach.id() + ":" + first.getId(), first.isQuality()));
        }
        String about = "day " + coach.day() + " \u00b7 leads " + groups + (groups == 1 ? " group" : " groups")
                + " \u00b7 up to " + coach.groupCapacity() + " athletes a group";
        // a coach's day is marked when she leads a quality session on it
        IntPredicate leadsQuality = day -> placed.stream().anyMatch(p -> p.quality() && Minutes.dayOf(p.start()) == day);
        return new PersonView("coach-" + anchor(coach.id()), "coach:" + coach.id(), coach.id(), "Coach", about,
                weeks(coach.day(), coach.busy(), placed, leadsQuality), List.of());
    }

    /** A session or a group as placed: absolute minutes, how it looks, whether it breaks a rule. */
    private record Placed(int start, int end, String css, String title, String detail, String tooltip, boolean broken,
            String session, String group, boolean quality) {
    }

    private List<WeekView> weeks(Window day, List<BusyBlock> busy, List<Placed> placed, IntPredicate hardDay) {
        Horizon horizon = plan.getHorizon();
        int from = day.from();
        int to = day.to();
        for (Placed p : placed) {
            from = Math.min(from, Minutes.minuteOfDay(p.start()));
            to = Math.max(to, Math.min(Minutes.PER_DAY, Minutes.minuteOfDay(p.start()) + (p.end() - p.start())));
        }
        from = from / 60 * 60;
        to = Math.min(Minutes.PER_DAY, (to + 59) / 60 * 60);
        List<HourMark> hours = new ArrayList<>();
        for (int minute = from; minute <= to; minute += 60) {
            hours.add(new HourMark(Minutes.clock(minute), minute - from));
        }
        List<WeekView> weeks = new ArrayList<>();
        for (int first = 0; first < horizon.days(); first += 7) {
            List<DayView> days = new ArrayList<>();
            for (int d = first; d < Math.min(first + 7, horizon.days()); d++) {
                days.add(day(d, from, to, busy, placed, hardDay.test(d)));
            }
            String label = horizon.days() <= 7 ? null : "Week " + (first / 7 + 1) + ": " + horizon.describeDay(first) + " - "
                    + horizon.describeDay(Math.min(first + 6, horizon.days() - 1));
            weeks.add(new WeekView(label, from, to - from, hours, days));
        }
        return weeks;
    }

    private DayView day(int day, int from, int to, List<BusyBlock> busy, List<Placed> placed, boolean hard) {
        Horizon horizon = plan.getHorizon();
        int top = day * Minutes.PER_DAY + from;
        int bottom = day * Minutes.PER_DAY + to;
        List<Item> items = new ArrayList<>();
        for (BusyBlock block : busy) {
            int start = Math.max(block.getStart(), top);
            int end = Math.min(block.getEnd(), bottom);
            if (start < end) {
                // a block from the day before (a night shift) or into the next day says so rather than a clipped time
                int dayStart = day * Minutes.PER_DAY;
                String time = block.getStart() < dayStart
                        ? (block.getEnd() >= dayStart + Minutes.PER_DAY ? "all day" : "until " + endClock(block.getEnd()))
                        : block.getEnd() > dayStart + Minutes.PER_DAY ? "from " + Minutes.clock(Minutes.minuteOfDay(block.getStart()))
                        : Minutes.clock(Minutes.minuteOfDay(block.getStart())) + "-" + endClock(block.getEnd());
                String tooltip = block.describe() + (block.getCalendar() == null ? "" : " (from " + block.getCalendar() + ")");
                String span = horizon.toDateTime(block.getStart()) + "/" + horizon.toDateTime(block.getEnd());
                items.add(new Item("busy", start - top, end - start, 0, 1, time, block.getLabel(), null, tooltip, false, null,
                        null, span));
            }
        }
        List<Placed> today = placed.stream().filter(p -> Minutes.dayOf(p.start()) == day).toList();
        int[] lanes = lanes(today);
        int laneCount = 1 + java.util.Arrays.stream(lanes).max().orElse(0);
        for (int i = 0; i < today.size(); i++) {
            Placed p = today.get(i);
            int start = Math.max(p.start(), top);
            int end = Math.max(start + 1, Math.min(p.end(), bottom));
            String time = Minutes.clock(Minutes.minuteOfDay(p.start())) + "-" + endClock(p.end());
            items.add(new Item(p.css() + (p.broken() ? " broken" : ""), start - top, end - start, lanes[i], laneCount,
                    time, p.title(), p.detail(), p.tooltip(), p.broken(), p.session(), p.group(), null));
        }
        // the phone layout lists a day's items in time order
        items.sort(Comparator.comparingInt(Item::top).thenComparing(item -> !item.css().equals("busy")));
        return new DayView(horizon.date(day).toString(), horizon.describeDay(day), horizon.date(day).getDayOfWeek().getDisplayName(
                java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " " + horizon.date(day).getDayOfMonth(), hard, items);
    }

    private static String endClock(int absoluteMinute) {
        int minute = Minutes.minuteOfDay(absoluteMinute);
        return Minutes.clock(minute == 0 ? Minutes.PER_DAY : minute);
    }

    /** Side-by-side lanes for sessions that overlap (only a broken plan has them), so none hides another. */
    private static int[] lanes(List<Placed> sessions) {
        int[] lanes = new int[sessions.size()];
        List<Integer> laneEnds = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane) > sessions.get(i).start()) {
                lane++;
            }
            if (lane == laneEnds.size()) {
                laneEnds.add(sessions.get(i).end());
            } else {
                laneEnds.set(lane, sessions.get(i).end());
            }
            lanes[i] = lane;
        }
        return lanes;
    }

    private static String css(SessionType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String anchor(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
