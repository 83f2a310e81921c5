package io.runplan.domain;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/** A plan: the horizon, the people and their calendars, and the sessions to place. The planning solution. */
@PlanningSolution
public class TrainingPlan {

    private String name;
    @ProblemFactProperty
    private Horizon horizon;
    @ProblemFactProperty
    private Rules rules;
    private Weights weights;
    @ProblemFactCollectionProperty
    private List<Facility> facilities;
    @ProblemFactCollectionProperty
    private List<Coach> coaches;
    @ProblemFactCollectionProperty
    private List<Athlete> athletes;
    @ProblemFactCollectionProperty
    private List<BusyBlock> busyBlocks;
    @ProblemFactCollectionProperty
    private List<AthleteWeek> athleteWeeks;
    @PlanningEntityCollectionProperty
    private List<Session> sessions;

    private ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides;

    @PlanningScore
    private HardMediumSoftScore score;

    public TrainingPlan() {
    }

    public TrainingPlan(String name, Horizon horizon, Rules rules, Weights weights, List<Facility> facilities,
            List<Coach> coaches, List<Athlete> athletes, List<Session> sessions) {
        this.name = name;
        this.horizon = horizon;
        this.rules = rules;
        this.weights = weights;
        this.facilities = List.copyOf(facilities);
        this.coaches = List.copyOf(coaches);
        this.athletes = List.copyOf(athletes);
        this.sessions = new ArrayList<>(sessions);
        this.busyBlocks = new ArrayList<>();
        coaches.forEach(coach -> busyBlocks.addAll(coach.busy()));
        athletes.forEach(athlete -> busyBlocks.addAll(athlete.busy()));
        this.athleteWeeks = new ArrayList<>();
        athletes.forEach(athlete -> athleteWeeks.addAll(athlete.weeks()));
        this.constraintWeightOverrides = weightOverrides(weights);
    }

    /** Soft weights from the plan file; a rule that scales its own matches (Lift on easy day) is only switched. */
    public static ConstraintWeightOverrides<HardMediumSoftScore> weightOverrides(Weights weights) {
        var overrides = new LinkedHashMap<String, HardMediumSoftScore>();
        weights.asMap().forEach((rule, weight) -> {
            int unit = rule == Rule.LIFT_ON_EASY_DAY ? Math.min(weight, 1) : weight;
            overrides.put(rule.ruleName(), HardMediumSoftScore.ofSoft(unit));
        });
        return ConstraintWeightOverrides.of(overrides);
    }

    public String getName() {
        return name;
    }

    public Horizon getHorizon() {
        return horizon;
    }

    public Rules getRules() {
        return rules;
    }

    public Weights getWeights() {
        return weights;
    }

    public List<Facility> getFacilities() {
        return facilities;
    }

    public List<Coach> getCoaches() {
        return coaches;
    }

    public List<Athlete> getAthletes() {
        return athletes;
    }

    public List<BusyBlock> getBusyBlocks() {
        return busyBlocks;
    }

    public List<AthleteWeek> getAthleteWeeks() {
        return athleteWeeks;
    }

    public List<Session> getSessions() {
        return sessions;
    }

    public ConstraintWeightOverrides<HardMediumSoftScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides) {
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }

    public List<Session> sessionsOf(Athlete athlete) {
        return sessions.stream().filter(session -> session.getAthlete() == athlete).toList();
    }

    /** The athlete's scheduled quality sessions that start on {@code day}, by start. */
    public List<Session> qualitySessionsOn(Athlete athlete, int day) {
        return sessions.stream()
                .filter(s -> s.getAthlete() == athlete && s.isScheduled() && s.isQuality() && s.getDay() == day)
                .sorted(Comparator.comparingLong(Session::getOrderKey))
                .toList();
    }

    /**
     * A hard day: one with a quality session, in the plan or (before day 0) in the athlete's history (docs/rules.md).
     * The rules say the same with {@link Session#isQuality()} and {@link Session#getDay()}; every view asks here.
     */
    public boolean isHardDay(Athlete athlete, int day) {
        return day < 0 ? athlete.isHardDayInHistory(day) : !qualitySessionsOn(athlete, day).isEmpty();
    }
}
