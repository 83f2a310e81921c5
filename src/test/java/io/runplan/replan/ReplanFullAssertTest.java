package io.runplan.replan;

import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import io.runplan.domain.Rule;
import io.runplan.domain.Session;
import io.runplan.domain.SessionType;
import io.runplan.io.PlanFile;
import io.runplan.solver.PlanSolver;
import io.runplan.solver.ReferenceScoreCalculator;
import io.runplan.support.SolvedPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The re-planning search (group moves, sessions held for one athlete's re-plan, missed sessions forced to their least
 * bad start in the second round) under FULL_ASSERT, with the plain-Java reference score as the assertion score: no
 * move corrupts the score. And a re-plan that cannot be made valid still answers, with the rule it breaks.
 */
@Execution(ExecutionMode.CONCURRENT) // independent single-threaded solves: two at a time on two cores
class ReplanFullAssertTest {

    @Test
    void oneAthletesBusyBlockOnAGroupSessionNeverDriftsFromAFullRecalculation() {
        PlanFile input = ReplannerTest.read(SolvedPlans.of("datasets/club-week.json"));
        var request = new ReplanRequest(LocalDateTime.parse("2026-11-23T12:00"), "nia", List.of(), List.of(
                new ReplanRequest.NewBusy(LocalDateTime.parse("2026-11-24T17:30"), LocalDateTime.parse("2026-11-24T18:30"), "x")),
                List.of());
        solveUnderFullAssert(input, request);
    }

    @Test
    void missedSessionsOfSeveralAthletesNeverDriftFromAFullRecalculation() {
        PlanFile input = ReplannerTest.read(SolvedPlans.of("datasets/club-week.json"));
        // The first coached sessions of two athletes and the first easy run of a third, all missed; --now right after
        // the last of them (which sessions and which day depend on the search, not on this test).
        List<Session> byStart = input.plan().getSessions().stream().filter(Session::isScheduled)
                .sorted(java.util.Comparator.comparingInt(Session::getStart)).toList();
        List<Session> missed = new java.util.ArrayList<>();
        java.util.Set<Object> athletes = new java.util.HashSet<>();
        byStart.stream().filter(Session::isCoached).filter(session -> athletes.add(session.getAthlete())).limit(2)
                .forEach(missed::add);
        byStart.stream().filter(session -> session.getType() == SessionType.EASY_RUN && !athletes.contains(session.getAthlete()))
                .findFirst().ifPresent(missed::add);
        assertThat(missed).hasSize(3);
        int lastEnd = missed.stream().mapToInt(Session::getEnd).max().orElseThrow();
        var now = input.plan().getHorizon().toDateTime((lastEnd + 59) / 60 * 60);
        var request = new ReplanRequest(now, null, missed.stream().map(Session::getId).toList(), List.of(), List.of());
        solveUnderFullAssert(input, request);
    }

    @Test
    void aPinnedSessionUnderNewBusyTimeStaysAndTheReplanSaysWhatItBreaks(@TempDir Path directory) {
        // The race is pinned (agreed): a flight over it cannot be planned around, and the re-plan says so.
        PlanFile input = ReplannerTest.read(SolvedPlans.of("src/test/resources/plans/format-example.json"));
        var request = new ReplanRequest(LocalDateTime.parse("2026-11-25T12:00"), null, List.of(), List.of(
                new ReplanRequest.NewBusy(LocalDateTime.parse("2026-11-29T08:00"), LocalDateTime.parse("2026-11-29T12:00"),
                        "flight")), List.of());

        Replanner.ReplanResult result = ReplannerTest.replan(input, request);

        assertThat(result.scoreAfter().hardScore()).isEqualTo(-30);
        assertThat(result.changes()).noneMatch(c -> c.sessionId().equals("ana-race"));
        assertThat(result.report().ofLevel(Rule.Level.HARD)).singleElement()
                .satisfies(rule -> assertThat(rule.reasons().get(0).text())
                        .isEqualTo("ana-race (Sun 29 Nov 09:00-09:30, pinned) overlaps busy time 'flight Sun 29 Nov 08:00-12:00' by 30 min"));
        ReplannerTest.assertCheckerAgrees(result, directory);
    }

    private static void solveUnderFullAssert(PlanFile input, ReplanRequest request) {
        var config = PlanSolver.defaultConfig();
        config.getScoreDirectorFactoryConfig().setAssertionScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                .withEasyScoreCalculatorClass(ReferenceScoreCalculator.class));
        config = PlanSolver.withMoveLimit(config.withEnvironmentMode(EnvironmentMode.FULL_ASSERT), 120L);
        Replanner replanner = new Replanner();
        Replanner.ReplanResult result = replanner.solve(replanner.prepare(input, request), config, best -> { });
        assertThat(result.scoreAfter()).isEqualTo(PlanSolver.solutionManager().update(result.solved()));
    }
}
