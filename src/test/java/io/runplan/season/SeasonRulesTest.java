package io.runplan.season;

import io.runplan.domain.SessionType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of docs/season.md, as a property over random athletes (current training from a first-season runner to a
 * high-mileage one), race distances and season lengths, new seasons and seasons re-planned from a later week. jqwik
 * shrinks a failing case to the smallest season that breaks the rule.
 */
class SeasonRulesTest {

    /** A season to plan: {@code firstWeek} > 1 is a season re-planned from week {@code firstWeek} on. */
    record Case(Distance distance, int weeks, int firstWeek, int weeklyRunMinutes, int longestRunMinutes) {

        Season season() {
            return SeasonPlanner.plan(distance, weeks, firstWeek, new CurrentTraining(weeklyRunMinutes, longestRunMinutes),
                    distance.raceMinutes());
        }

        @Override
        public String toString() {
            return distance + ", " + weeks + " weeks from week " + firstWeek + ", current " + weeklyRunMinutes + " min/week, longest "
                    + longestRunMinutes;
        }
    }

    @Provide
    Arbitrary<Case> seasons() {
        return Combinators.combine(Arbitraries.of(Distance.class), Arbitraries.integers().between(SeasonPlanner.MIN_WEEKS,
                        SeasonPlanner.MAX_WEEKS), Arbitraries.integers().between(1, SeasonPlanner.MAX_WEEKS),
                        Arbitraries.integers().between(0, 1), Arbitraries.integers().between(CurrentTraining.MIN_WEEKLY_MINUTES, 900),
                        Arbitraries.doubles().between(0, 1))
                .as((distance, weeks, resumeAt, resumed, weekly, share) -> {
                    // the longest run of a week of at most 6 runs: from a sixth of the week to all of it (at most 4 h)
                    int least = Math.max(CurrentTraining.MIN_LONGEST_MINUTES, (weekly + 5) / 6);
                    int most = Math.max(least, Math.min(weekly, 240));
                    return new Case(distance, weeks, resumed == 0 ? 1 : 1 + (resumeAt - 1) % weeks, weekly,
                            least + (int) Math.round(share * (most - least)));
                });
    }

    /** New seasons only: the rules that compare the whole season with the athlete's start. */
    @Provide
    Arbitrary<Case> newSeasons() {
        return seasons().map(c -> new Case(c.distance(), c.weeks(), 1, c.weeklyRunMinutes(), c.longestRunMinutes()));
    }

    // ------------------------------------------------------------------ phases

    @Property
    void phasesRunBackwardsFromTheRace(@ForAll("newSeasons") Case c) {
        List<Phase> phases = c.season().weeks().stream().map(SeasonWeek::phase).toList();
        assertThat(phases).hasSize(c.weeks()).isSorted();
        int taper = count(phases, Phase.TAPER);
        int peak = count(phases, Phase.PEAK);
        int base = count(phases, Phase.BASE);
        int build = count(phases, Phase.BUILD);
        int offSeason = count(phases, Phase.OFF_SEASON);
        assertThat(taper).as("taper weeks").isEqualTo(Math.min(c.distance().taperWeeks(), c.weeks()));
        assertThat(c.distance().taperWeeks()).isBetween(2, 3);
        assertThat(peak).as("a peak month").isEqualTo(Math.min(4, c.weeks() - taper));
        assertThat(base).as("base at least as long as build").isBetween(build, build + 1);
        assertThat(base + build).isLessThanOrEqualTo(14);
        assertThat(offSeason).as("off-season only far from the race").isEqualTo(Math.max(0, c.weeks() - taper - peak - 14));
        assertThat(c.season().weeks().get(c.weeks() - 1).raceWeek()).isTrue();
        assertThat(c.season().weeks().stream().filter(SeasonWeek::raceWeek)).hasSize(1);
    }

    @Property
    void theTaperCutsVolumeExponentiallyAndKeepsIntensityAndSessions(@ForAll("newSeasons") Case c) {
        Season season = c.season();
        List<SeasonWeek> weeks = season.weeks();
        int taperStart = weeks.size() - c.distance().taperWeeks();
        if (taperStart < 1) {
            return; // no full week before the taper to cut from
        }
        SeasonWeek lastFull = weeks.subList(0, taperStart).stream().filter(w -> !w.cutBack()).reduce((a, b) -> b).orElse(null);
        int peakMinutes = lastFull == null ? c.weeklyRunMinutes() : lastFull.runMinutes();
        int peakRuns = weeks.get(taperStart - 1).runs();
        double step = Math.pow(0.5, 1.0 / c.distance().taperWeeks());
        int before = peakMinutes;
        for (int j = 1; j <= c.distance().taperWeeks(); j++) {
            SeasonWeek week = weeks.get(taperStart + j - 1);
            assertThat(week.phase()).isEqualTo(Phase.TAPER);
            assertThat(week.runMinutes()).as("taper week %d falls", j).isLessThan(before);
            assertThat((double) week.runMinutes()).as("taper week %d: exponential", j)
                    .isCloseTo(peakMinutes * Math.pow(step, j), org.assertj.core.data.Offset.offset(5.0 * j));
            assertThat(week.quality()).as("intensity kept").isEqualTo(SeasonPlanner.quality(Phase.PEAK));
            assertThat(week.runs()).as("number of runs kept").isEqualTo(Math.max(peakRuns, 3));
            before = week.runMinutes();
        }
        double cut = 1 - weeks.get(weeks.size() - 1).runMinutes() / (double) peakMinutes;
        assertThat(cut).as("Bosquet 2007: volume cut 41-60 %").isBetween(0.40, 0.60);
    }

    @Property
    void baseAndOffSeasonHaveNoSpeedWork(@ForAll("seasons") Case c) {
        for (SeasonWeek week : c.season().weeks()) {
            if (week.phase() == Phase.BASE || week.phase() == Phase.OFF_SEASON) {
                assertThat(week.speedSessions()).as("week %d", week.week()).isZero();
                assertThat(week.quality()).as("the long run is the week's one quality session").isEqualTo(1);
                assertThat(week.longRunMinutes()).isPositive();
                assertThat(week.runMinutes(SessionType.EASY_RUN)).isPositive();
            }
        }
    }

    @Property
    void buildAndPeakHaveTwoToThreeQualitySessions(@ForAll("seasons") Case c) {
        for (SeasonWeek week : c.season().weeks()) {
            if (week.phase() == Phase.BUILD || week.phase() == Phase.PEAK) {
                assertThat(week.quality()).as("week %d", week.week()).isBetween(2, 3);
                assertThat(week.speedSessions()).isPositive();
            }
        }
    }

    // ------------------------------------------------------------------ lifts

    @Property
    void liftsFollowThePhase(@ForAll("seasons") Case c) {
        for (SeasonWeek week : c.season().weeks()) {
            String what = "week " + week.week() + " (" + week.phase() + ")";
            switch (week.phase()) {
                case OFF_SEASON -> {
                    assertThat(week.lifts()).as(what).isEqualTo(3);
                    assertThat(week.liftFocus()).as(what).isEqualTo(LiftFocus.HEAVIEST);
                }
                case BASE -> {
                    assertThat(week.lifts()).as(what).isBetween(2, 3);
                    assertThat(week.liftFocus()).as(what).isEqualTo(LiftFocus.HEAVY);
                    // about 60:40 running to strength, counted in sessions
                    double running = week.runs() / (double) (week.runs() + week.lifts());
                    assertThat(running).as(what + ": share of running").isBetween(0.5, 0.67);
                }
                case BUILD, PEAK -> {
                    assertThat(week.lifts()).as(what).isBetween(2, 3);
                    assertThat(week.liftFocus()).as(what).isEqualTo(LiftFocus.MAINTENANCE);
                }
                case TAPER -> {
                    assertThat(week.lifts()).as(what + ": keep lifting in the taper").isBetween(1, 2);
                    assertThat(week.liftFocus()).as(what).isEqualTo(LiftFocus.LIGHT);
                }
            }
            assertThat(week.liftSessions()).allSatisfy(lift -> {
                assertThat(lift.minutes()).isEqualTo(lift.focus().minutes());
                assertThat(lift.block()).isNotBlank();
            });
        }
    }

    @Property
    void theLiftingRoutineChangesEveryTwoToThreeWeeks(@ForAll("newSeasons") Case c) {
        List<String> blocks = c.season().weeks().stream().map(SeasonWeek::liftBlock).toList();
        assertThat(blocks).doesNotContainNull();
        List<Integer> lengths = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (i == 0 || !blocks.get(i).equals(blocks.get(i - 1))) {
                assertThat(seen).as("block %s comes back", blocks.get(i)).doesNotContain(blocks.get(i));
                seen.add(blocks.get(i));
                lengths.add(1);
            } else {
                lengths.set(lengths.size() - 1, lengths.get(lengths.size() - 1) + 1);
            }
        }
        assertThat(lengths).allSatisfy(length -> assertThat(length).isBetween(2, 3));
        assertThat(seen.get(0)).isEqualTo("A");
    }

    // ------------------------------------------------------------------ load

    @Property
    void weeklyRunMinutesGrowAtMostTenPercent(@ForAll("seasons") Case c) {
        int lastFull = c.weeklyRunMinutes();
        for (SeasonWeek week : c.season().weeks()) {
            assertThat(week.runMinutes()).as("week %d after a full week of %d", week.week(), lastFull)
                    .isLessThanOrEqualTo((int) Math.floor(1.10 * lastFull));
            if (!week.cutBack() && week.phase() != Phase.TAPER) {
                lastFull = week.runMinutes();
            }
        }
    }

    @Property
    void everyThirdOrFourthWeekIsACutBackWeek(@ForAll("seasons") Case c) {
        Season season = c.season();
        List<SeasonWeek> ramp = season.weeks().stream()
                .filter(w -> w.phase() == Phase.BASE || w.phase() == Phase.BUILD || w.phase() == Phase.PEAK).toList();
        for (int i = 0; i + 4 <= ramp.size(); i++) {
            assertThat(ramp.subList(i, i + 4)).as("weeks %d-%d", ramp.get(i).week(), ramp.get(i).week() + 3)
                    .anyMatch(SeasonWeek::cutBack);
        }
        int lastFull = c.weeklyRunMinutes();
        SeasonWeek previous = null;
        for (SeasonWeek week : season.weeks()) {
            if (week.cutBack()) {
                assertThat(previous == null || !previous.cutBack()).as("two cut-back weeks in a row").isTrue();
                assertThat(week.phase()).isIn(Phase.BASE, Phase.BUILD, Phase.PEAK);
                assertThat(week.runMinutes() / (double) lastFull).as("week %d", week.week()).isBetween(0.75, 0.85);
            } else if (week.phase() != Phase.TAPER) {
                lastFull = week.runMinutes();
            }
            previous = week;
        }
    }

    @Property
    void noRunLongerThan110PercentOfTheLongestOfThePrevious30Days(@ForAll("seasons") Case c) {
        List<Integer> longestByWeek = new ArrayList<>(List.of(c.longestRunMinutes()));
        for (SeasonWeek week : c.season().weeks()) {
            int longestBefore = longestByWeek.subList(Math.max(0, longestByWeek.size() - 4), longestByWeek.size())
                    .stream().max(Integer::compare).orElseThrow();
            for (PlannedSession run : week.sessions()) {
                if (run.type().isRun() && !run.race()) {
                    assertThat(run.minutes()).as("week %d %s", week.week(), run.name())
                            .isLessThanOrEqualTo((int) Math.floor(1.10 * longestBefore));
                }
            }
            longestByWeek.add(week.longestRunMinutes());
        }
    }

    @Property
    void longRunsAreCappedByDistance(@ForAll("seasons") Case c) {
        for (SeasonWeek week : c.season().weeks()) {
            assertThat(week.longRunMinutes()).isLessThanOrEqualTo(c.distance().longRunCapMinutes());
            if (!week.raceWeek()) {
                assertThat(week.longRunMinutes()).as("week %d has a long run", week.week()).isPositive();
            }
        }
    }

    @Property
    void offSeasonRunsLessThanTheAthleteDoesNow(@ForAll("newSeasons") Case c) {
        for (SeasonWeek week : c.season().weeks()) {
            if (week.phase() == Phase.OFF_SEASON) {
                assertThat(week.runMinutes()).isLessThanOrEqualTo((int) Math.round(0.85 * c.weeklyRunMinutes()));
            }
        }
    }

    @Property
    void everyRunIsASessionAndRaceWeekHasTheRace(@ForAll("seasons") Case c) {
        for (SeasonWeek week : c.season().weeks()) {
            assertThat(week.sessions()).filteredOn(s -> s.type().isRun() && !s.race())
                    .allSatisfy(run -> assertThat(run.minutes()).isGreaterThanOrEqualTo(SeasonPlanner.MIN_RUN_MINUTES));
            assertThat(week.sessions().stream().filter(PlannedSession::race).count()).isEqualTo(week.raceWeek() ? 1 : 0);
            assertThat(week.sessions().stream().map(PlannedSession::name)).doesNotHaveDuplicates();
        }
    }

    @Property
    void aReplannedSeasonKeepsThePhasesCutBacksAndBlocksOfTheWholeSeason(@ForAll("seasons") Case c) {
        Season whole = new Case(c.distance(), c.weeks(), 1, c.weeklyRunMinutes(), c.longestRunMinutes()).season();
        Season rest = c.season();
        assertThat(rest.weeks()).hasSize(c.weeks() - c.firstWeek() + 1);
        for (SeasonWeek week : rest.weeks()) {
            SeasonWeek planned = whole.week(week.week());
            assertThat(week.phase()).isEqualTo(planned.phase());
            assertThat(week.cutBack()).isEqualTo(planned.cutBack());
            assertThat(week.liftBlock()).isEqualTo(planned.liftBlock());
        }
    }

    private static int count(List<Phase> phases, Phase phase) {
        return (int) phases.stream().filter(p -> p == phase).count();
    }
}
