package io.runplan.serve;

import io.runplan.domain.Athlete;
import io.runplan.domain.BusyBlock;
import io.runplan.domain.Coach;
import io.runplan.domain.Horizon;
import io.runplan.domain.Person;
import io.runplan.domain.Rule;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.replan.Change;
import io.runplan.replan.Replanner;
import io.runplan.solver.PlanReport;
import io.runplan.solver.Reason;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the workbench's JSON API answers: plain records, read by the page's script and by scripts of the user. */
final class PlanViews {

    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private PlanViews() {
    }

    /** A plan file in the list: what it is, its score, when it last changed; {@code error} for a file that is no plan. */
    record PlanSummary(String file, String name, String horizon, Integer athletes, Integer sessions, String score,
            Boolean feasible, String modified, String version, String activity, String error) {
    }

    /** One plan: everything the page shows besides the week grids, and the version to send back with a change. */
    record PlanState(String file, String version, String modified, String activity, int undoable, String error,
            List<String> warnings, String name, HorizonView horizon, String score, Boolean feasible,
            List<BrokenRule> broken, List<Unplaced> unscheduled, List<PersonView> athletes, List<PersonView> coaches,
            List<SessionView> sessions, List<BusyView> busy) {
    }

    record HorizonView(String start, int days, int grainMinutes, String timeZone) {
    }

    /** A broken hard rule, its score and one reason per match. */
    record BrokenRule(String rule, String score, List<String> reasons) {
    }

    /** A session left unscheduled and why. */
    record Unplaced(String session, String athlete, String reason) {
    }

    record PersonView(String id, String name) {
    }

    /** A session as the plan file says it; start and end null when unscheduled. */
    record SessionView(String id, String athlete, String type, int minutes, String location, String coach, String start,
            String end, boolean pinned) {
    }

    /** A busy block of an athlete or a coach; {@code calendar} names the calendar file it was read from, if any. */
    record BusyView(String athlete, String coach, String start, String end, String label, String calendar) {
    }

    /** Why a session is where it is (the explanation of the week view and the calendars). */
    record Explanation(String session, String athlete, String summary, String start, String end, boolean pinned,
            List<String> broken, List<String> why, List<String> costs, String unscheduledReason) {
    }

    /**
     * Another start for a session: its score with the session there, the difference from now (positive is better),
     * and per rule what would change, with the reasons the session would then carry.
     */
    record Recommendation(String start, String label, boolean current, String score, String difference,
            List<RuleChange> changes) {
    }

    record RuleChange(String rule, String difference, List<String> reasons) {
    }

    /** A re-plan's outcome: the new plan, the score before and after, and every session it changed with why. */
    record Replanned(PlanState plan, String scoreBefore, String scoreAfter, List<ChangeView> changes, List<String> notes) {
    }

    record ChangeView(String session, String athlete, String kind, String from, String to, String reason) {
    }

    static PlanSummary summary(PlanOnDisk.Version version, String file, String activity) {
        if (!version.isValid()) {
            return new PlanSummary(file, null, null, null, null, null, null, modified(version), version.id(), activity,
                    version.error());
        }
        TrainingPlan plan = version.plan().plan();
        Horizon horizon = plan.getHorizon();
        String span = horizon.describeDay(0) + " - " + horizon.describeDay(horizon.days() - 1) + " "
                + horizon.date(horizon.days() - 1).getYear();
        return new PlanSummary(file, plan.getName(), span, plan.getAthletes().size(), plan.getSessions().size(),
                version.score().toString(), version.score().hardScore() == 0, modified(version), version.id(),
                activity, null);
    }

    static PlanState state(PlanOnDisk.Version version, String file, String activity, int undoable) {
        if (!version.isValid()) {
            return new PlanState(file, version.id(), modified(version), activity, undoable, version.error(), List.of(),
                    null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        TrainingPlan plan = version.plan().plan();
        PlanReport report = version.report();
        Horizon horizon = plan.getHorizon();
        ZoneId zone = version.plan().timeZone();
        List<BrokenRule> broken = report.ofLevel(Rule.Level.HARD).stream()
                .map(r -> new BrokenRule(r.rule().ruleName(), r.score().toString(), r.reasons().stream().map(Reason::text).toList()))
                .toList();
        List<Unplaced> unscheduled = new ArrayList<>();
        List<SessionView> sessions = new ArrayList<>();
        for (Session session : plan.getSessions()) {
            if (!session.isScheduled()) {
                unscheduled.add(new Unplaced(session.getId(), session.getAthlete().id(),
                        report.unscheduledReasons().getOrDefault(session.getId(), "not placed")));
            }
            sessions.add(session(horizon, session));
        }
        List<BusyView> busy = new ArrayList<>();
        for (Athlete athlete : plan.getAthletes()) {
            athlete.busy().forEach(block -> busy.add(busy(horizon, athlete, block)));
        }
        for (Coach coach : plan.getCoaches()) {
            coach.busy().forEach(block -> busy.add(busy(horizon, coach, block)));
        }
        return new PlanState(file, version.id(), modified(version), activity, undoable, null, version.warnings(),
                plan.getName(), new HorizonView(horizon.start().toString(), horizon.days(), horizon.grainMinutes(),
                zone == null ? null : zone.getId()),
                report.score().toString(), report.isFeasible(), broken, unscheduled,
                plan.getAthletes().stream().map(a -> new PersonView(a.id(), a.name())).toList(),
                plan.getCoaches().stream().map(c -> new PersonView(c.id(), c.id())).toList(), sessions, busy);
    }

    static SessionView session(Horizon horizon, Session session) {
        return new SessionView(session.getId(), session.getAthlete().id(), session.getType().name(), session.getMinutes(),
                session.getLocation(), session.getCoach() == null ? null : session.getCoach().id(),
                session.isScheduled() ? time(horizon, session.getStart()) : null,
                session.isScheduled() ? time(horizon, session.getEnd()) : null, session.isPinned());
    }

    static BusyView busy(Horizon horizon, Person person, BusyBlock block) {
        return new BusyView(person instanceof Athlete ? person.id() : null, person instanceof Coach ? person.id() : null,
                time(horizon, block.getStart()), time(horizon, block.getEnd()), block.getLabel(), block.getCalendar());
    }

    static Replanned replanned(PlanState state, Replanner.ReplanResult result) {
        Horizon horizon = result.solved().getHorizon();
        List<ChangeView> changes = new ArrayList<>();
        for (Change change : result.changes()) {
            changes.add(new ChangeView(change.sessionId(), change.athleteId(), change.kind(),
                    change.from() == null ? null : horizon.describe(change.from()),
                    change.to() == null ? null : horizon.describe(change.to()), change.reason()));
        }
        List<String> notes = result.replan().addedBusy().stream().filter(Replanner.AddedBusy::clipped)
                .map(block -> "the new busy block '" + block.label() + "' began before 'now'; it starts at 'now' ("
                        + horizon.describe(block.start()) + ")")
                .toList();
        return new Replanned(state, result.scoreBefore().toString(), result.scoreAfter().toString(), changes, notes);
    }

    /** "2026-11-24T07:00", as in the plan file. */
    static String time(Horizon horizon, int absoluteMinute) {
        return horizon.toDateTime(absoluteMinute).toString();
    }

    private static String modified(PlanOnDisk.Version version) {
        return MODIFIED.format(version.modified().toInstant().atZone(ZoneId.systemDefault()));
    }
}
