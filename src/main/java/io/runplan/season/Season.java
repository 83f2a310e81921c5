package io.runplan.season;

import java.util.List;

/**
 * A season as the planner makes it: {@code totalWeeks} weeks to the race (the race week last) and the weeks planned,
 * from {@code firstWeek} (1 for a new season; later when a season is re-planned from what was done).
 */
public record Season(Distance distance, int totalWeeks, int firstWeek, CurrentTraining current, List<SeasonWeek> weeks) {

    public Season {
        weeks = List.copyOf(weeks);
    }

    /** Week {@code number} (1-based, as in the season block), which must be planned. */
    public SeasonWeek week(int number) {
        return weeks.get(number - firstWeek);
    }
}
