package io.runplan.season;

import com.fasterxml.jackson.databind.JsonNode;
import io.runplan.io.PlanFormatException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The top-level {@code season} block a season plan file carries (written by {@code runplan season}, never needed to
 * solve the plan): the race, the athlete, the season's length and each planned week's phase and figures. Read back
 * for the season page and to re-plan the rest of a season.
 */
public record SeasonBlock(LocalDate raceDate, Distance distance, int raceMinutes, String athleteId, int totalWeeks,
        int firstWeek, List<Week> weeks) {

    /** One planned week as the block states it. */
    public record Week(int week, LocalDate from, Phase phase, boolean cutBack, int runMinutes, int longRunMinutes,
            int quality, int lifts, String liftFocus, String liftBlock) {
    }

    public SeasonBlock {
        weeks = List.copyOf(weeks);
    }

    /** The block of a plan document, if it has one; a malformed block is an error naming its JSON path. */
    public static Optional<SeasonBlock> of(JsonNode document) {
        JsonNode season = document.get("season");
        if (season == null || season.isNull()) {
            return Optional.empty();
        }
        String path = "$.season";
        object(season, path);
        JsonNode race = object(season.get("race"), path + ".race");
        LocalDate raceDate = date(race.get("date"), path + ".race.date");
        String distanceText = text(race.get("distance"), path + ".race.distance");
        Distance distance = Distance.byLabel(distanceText).orElseThrow(() -> new PlanFormatException(path + ".race.distance",
                "unknown distance '" + distanceText + "'; use 5k, 10k, half or marathon"));
        int raceMinutes = integer(race.get("minutes"), path + ".race.minutes");
        String athlete = text(season.get("athlete"), path + ".athlete");
        int totalWeeks = integer(season.get("totalWeeks"), path + ".totalWeeks");
        int firstWeek = integer(season.get("firstWeek"), path + ".firstWeek");
        JsonNode weekNodes = season.get("weeks");
        if (weekNodes == null || !weekNodes.isArray() || weekNodes.isEmpty()) {
            throw new PlanFormatException(path + ".weeks", "expected the list of the season's weeks");
        }
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < weekNodes.size(); i++) {
            String at = path + ".weeks[" + i + "]";
            JsonNode week = object(weekNodes.get(i), at);
            Phase phase;
            try {
                phase = Phase.byLabel(text(week.get("phase"), at + ".phase"));
            } catch (IllegalArgumentException e) {
                throw new PlanFormatException(at + ".phase", "unknown phase; use off-season, base, build, peak or taper");
            }
            weeks.add(new Week(integer(week.get("week"), at + ".week"), date(week.get("from"), at + ".from"), phase,
                    week.path("cutBack").asBoolean(false), integer(week.get("runMinutes"), at + ".runMinutes"),
                    integer(week.get("longRunMinutes"), at + ".longRunMinutes"), integer(week.get("quality"), at + ".quality"),
                    integer(week.get("lifts"), at + ".lifts"), week.path("liftFocus").asText(null),
                    week.path("liftBlock").asText(null)));
        }
        if (firstWeek < 1 || totalWeeks < firstWeek || weeks.get(0).week() != firstWeek
                || weeks.get(weeks.size() - 1).week() != totalWeeks) {
            throw new PlanFormatException(path + ".weeks", "the weeks do not run from firstWeek " + firstWeek + " to totalWeeks "
                    + totalWeeks);
        }
        return Optional.of(new SeasonBlock(raceDate, distance, raceMinutes, athlete, totalWeeks, firstWeek, weeks));
    }

    private static JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new PlanFormatException(path, "expected an object");
        }
        return node;
    }

    private static String text(JsonNode node, String path) {
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            throw new PlanFormatException(path, "expected a non-empty string");
        }
        return node.textValue();
    }

    private static int integer(JsonNode node, String path) {
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new PlanFormatException(path, "expected a whole number");
        }
        return node.intValue();
    }

    private static LocalDate date(JsonNode node, String path) {
        String text = text(node, path);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new PlanFormatException(path, "expected a date like 2027-03-14, got '" + text + "'");
        }
    }
}
