package io.runplan.report;

import io.runplan.domain.Athlete;
import io.runplan.domain.BusyBlock;
import io.runplan.domain.Minutes;
import io.runplan.domain.PastSession;
import io.runplan.domain.Rule;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.solver.PlanReport;
import io.runplan.solver.Reason;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why a session is where the plan put it, in a runner's words: the busy time it fits between, the kind of day, the
 * spacing and recovery it keeps, its preferred time, and what it costs or breaks. Every line states a fact of the
 * plan as it is. What a rule found (a broken rule, a cost, a lift the day before a quality session, a coach or a
 * facility not free) is read from the rules' own justifications in the plan's report, never worked out again here;
 * "hard day" and "one group" are the domain's own questions ({@link TrainingPlan#isHardDay},
 * {@link Session#isSameGroupAs}), which the rules ask too.
 */
public final class SessionExplanation {

    private final TrainingPlan plan;
    private final Map<String, List<String>> brokenBySession = new LinkedHashMap<>();
    private final Map<String, List<String>> costsBySession = new LinkedHashMap<>();
    /** Every match of the report, by the id of each session it names. */
    private final Map<String, List<Reason>> matchesBySession = new LinkedHashMap<>();

    public SessionExplanation(TrainingPlan plan, PlanReport report) {
        this.plan = plan;
        for (PlanReport.RuleScore rule : report.rules()) {
            Map<String, List<String>> target = switch (rule.rule().level()) {
                case HARD -> brokenBySession;
                case SOFT -> costsBySession;
                case MEDIUM -> null;
            };
            for (Reason reason : rule.reasons()) {
                for (String id : reason.sessionIds()) {
                    matchesBySession.computeIfAbsent(id, key -> new ArrayList<>()).add(reason);
                    if (target != null) {
                        target.computeIfAbsent(id, key -> new ArrayList<>()).add(rule.rule().ruleName() + ": " + reason.text());
                    }
                }
            }
        }
    }

    /** The report's matches of rule type {@code kind} that name {@code session}. */
    private <R extends Reason> List<R> matches(Session session, Class<R> kind) {
        return matchesBySession.getOrDefault(session.getId(), List.of()).stream().filter(kind::isInstance)
                .map(kind::cast).toList();
    }

    /** "Speed session, 60 min at track, with coach mara and ben, cleo": what, how long, where, with whom. */
    public String summary(Session session) {
        StringBuilder text = new StringBuilder(session.getType().title()).append(", ")
                .append(Minutes.duration(session.getMinutes()));
        String where = session.where();
        if (!where.isEmpty()) {
            text.append(' ').append(where);
        }
        if (session.getCoach() != null) {
            text.append(", with coach ").append(session.getCoach().id());
            List<String> others = group(session).stream().filter(s -> s != session).map(s -> s.getAthlete().name()).toList();
            if (!others.isEmpty()) {
                text.append(" and ").append(String.join(", ", others));
            }
        }
        return text.toString();
    }

    /** The coached sessions led together with this one (one group: same coach, start, type and minutes). */
    public List<Session> group(Session session) {
        if (session.getCoach() == null || !session.isScheduled()) {
            return List.of(session);
        }
        return plan.getSessions().stream().filter(s -> s == session || s.isSameGroupAs(session))
                .sorted(Comparator.comparing(Session::getId)).toList();
    }

    /** Why this time: one fact a line. Empty for an unscheduled session. */
    public List<String> why(Session session) {
        List<String> lines = new ArrayList<>();
        if (!session.isScheduled()) {
            return lines;
        }
        Athlete athlete = session.getAthlete();
        lines.add(busyAround(session));
        lines.add((matches(session, Reason.DayWindow.class).isEmpty() ? "Inside" : "Not inside") + " your day "
                + athlete.day() + ".");
        lines.add(dayAndRecovery(session));
        if (session.getType().isQuality()) {
            lines.add(qualitySpacing(session));
        }
        String preference = preference(session);
        if (preference != null) {
            lines.add(preference);
        }
        if (session.getCoach() != null && matches(session, Reason.CoachAvailable.class).isEmpty()) {
            lines.add("Coach " + session.getCoach().id() + " is free then (coach's day " + session.getCoach().day() + ").");
        }
        if (session.getFacility() != null && matches(session, Reason.FacilityHours.class).isEmpty()) {
            lines.add("The " + session.getFacility().id() + " is open then.");
        }
        return lines;
    }

    /** The hard rules this session breaks, "Rule: reason" a line. */
    public List<String> broken(Session session) {
        return brokenBySession.getOrDefault(session.getId(), List.of());
    }

    /** The soft costs naming this session, "Rule: reason" a line. */
    public List<String> costs(Session session) {
        return costsBySession.getOrDefault(session.getId(), List.of());
    }

    /** Everything above as text for a calendar event's description. */
    public String describe(Session session) {
        List<String> lines = new ArrayList<>();
        List<String> broken = broken(session);
        if (!broken.isEmpty()) {
            lines.add("BREAKS A RULE:");
            broken.forEach(line -> lines.add("- " + line));
        }
        lines.add("Why here:");
        why(session).forEach(line -> lines.add("- " + line));
        List<String> costs = costs(session);
        lines.add(costs.isEmpty() ? "Costs nothing in the plan's score." : "Costs:");
        costs.forEach(line -> lines.add("- " + line));
        return String.join("\n", lines);
    }

    private String busyAround(Session session) {
        List<Reason.BusyTime> overlapping = matches(session, Reason.BusyTime.class);
        if (!overlapping.isEmpty()) {
            return "Overlaps your busy time '" + overlapping.get(0).busy().getLabel() + "'.";
        }
        int dayStart = session.getDay() * Minutes.PER_DAY;
        int dayEnd = dayStart + Minutes.PER_DAY;
        BusyBlock before = null;
        BusyBlock after = null;
        for (BusyBlock block : session.getAthlete().busy()) {
            if (block.getEnd() <= session.getStart() && block.getEnd() > dayStart
                    && (before == null || block.getEnd() > before.getEnd())) {
                before = block;
            } else if (block.getStart() >= session.getEnd() && block.getStart() < dayEnd
                    && (after == null || block.getStart() < after.getStart())) {
                after = block;
            }
        }
        if (before != null && after != null) {
            return "Fits between '" + before.getLabel() + "' (until " + clock(before.getEnd()) + ") and '"
                    + after.getLabel() + "' (from " + clock(after.getStart()) + ").";
        } else if (before != null) {
            return "After '" + before.getLabel() + "' (until " + clock(before.getEnd()) + "); nothing busy later that day.";
        } else if (after != null) {
            return "Before '" + after.getLabel() + "' (from " + clock(after.getStart()) + "); nothing busy earlier that day.";
        }
        return "No busy time that day.";
    }

    private static String clock(int absoluteMinute) {
        return Minutes.clock(Minutes.minuteOfDay(absoluteMinute));
    }

    private String dayAndRecovery(Session session) {
        if (session.isQuality()) {
            return "A hard day: this is a quality session.";
        }
        List<Session> quality = plan.qualitySessionsOn(session.getAthlete(), session.getDay());
        boolean hard = plan.isHardDay(session.getAthlete(), session.getDay());
        if (!session.isLift()) {
            return hard ? "A hard day (" + ids(quality) + ")." : "An easy day.";
        }
        // a quality session the next day breaks No lift the day before quality, whose match names it
        String nextDay = matches(session, Reason.NoLiftDayBeforeQuality.class).isEmpty()
                ? " No quality session the next day." : "";
        if (!hard) {
            int weight = session.getAthlete().weights().of(Rule.LIFT_ON_EASY_DAY);
            return "An easy day: lifts are best on hard days (Lift on easy day" + (weight == 0 ? " is switched off)."
                    : " costs up to " + weight + ").") + nextDay;
        }
        Session last = quality.stream().filter(q -> q.getEnd() <= session.getStart())
                .max(Comparator.comparingInt(Session::getEnd)).orElse(null);
        if (last == null) {
            return "A hard day, but before its quality session." + nextDay;
        }
        return "A hard day: " + Minutes.duration(session.getStart() - last.getEnd()) + " after " + last.getId()
                + " ends (at least " + Minutes.duration(session.getAthlete().rules().liftGapMinutes()) + " to recover)."
                + nextDay;
    }

    private String qualitySpacing(Session session) {
        Integer previousDay = null;
        String previous = null;
        for (Session other : plan.sessionsOf(session.getAthlete())) {
            if (other != session && other.isScheduled() && other.isQuality() && other.getOrderKey() < session.getOrderKey()
                    && (previousDay == null || other.getDay() >= previousDay)) {
                previousDay = other.getDay();
                previous = other.getId();
            }
        }
        if (previous == null) {
            PastSession past = session.getAthlete().lastQualityInHistory();
            if (past != null) {
                previousDay = past.day();
                previous = "the last one before the plan";
            }
        }
        var rules = session.getAthlete().rules();
        String range = rules.qualitySpacingMin() + "-" + rules.qualitySpacingMax() + " days";
        if (previous == null) {
            return "The first quality session (they are kept " + range + " apart).";
        }
        int days = session.getDay() - previousDay;
        String after = days + (days == 1 ? " day" : " days") + " after the previous quality session (" + previous;
        if (rules.qualityGapExcess(days) > 0) {
            return after + "): a longer gap than the usual " + range + ", which costs Quality gap; the recovery "
                    + "between quality sessions is kept.";
        }
        return after + "; " + range + " apart).";
    }

    private static String ids(List<Session> sessions) {
        return String.join(", ", sessions.stream().map(Session::getId).toList());
    }

    private String preference(Session session) {
        Athlete athlete = session.getAthlete();
        boolean hasPreference = athlete.preferences().stream().anyMatch(p -> p.covers(session.getType()));
        if (!hasPreference) {
            return null;
        }
        String kind = session.getType().title().toLowerCase(Locale.ROOT);
        if (!session.isOutsidePreferredTime()) {
            return "In your preferred time for a " + kind + ".";
        }
        int weight = athlete.weights().of(Rule.PREFERRED_TIME);
        return "Not in your preferred time for a " + kind + (weight == 0 ? "." : " (Preferred time costs " + weight + ").");
    }
}
