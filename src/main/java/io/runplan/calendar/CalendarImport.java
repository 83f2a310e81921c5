package io.runplan.calendar;

import io.runplan.domain.BusyBlock;
import io.runplan.domain.Horizon;
import io.runplan.domain.Person;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.data.UnfoldingReader;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VFreeBusy;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.FreeBusy;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import org.threeten.extra.Interval;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the busy time of an iCalendar file (RFC 5545, parsed by ical4j) into busy blocks of one person over a plan's
 * horizon, in the plan's time zone.
 *
 * <p>What is busy: every event that takes time, with its recurrences (RRULE and RDATE, less EXDATE, with
 * overridden instances, RECURRENCE-ID, in place of the ones they replace), unless it is free (TRANSP:TRANSPARENT, or
 * Outlook's X-MICROSOFT-CDO-BUSYSTATUS:FREE) or cancelled; an all-day event only when it says it is busy
 * (TRANSP:OPAQUE or an Outlook busy status), since calendar apps keep birthdays and holidays as free all-day events;
 * and the busy periods of VFREEBUSY (every FBTYPE but FREE). To-dos, journals and availability are not busy time.
 * Times with a time zone or in UTC are converted to the plan's zone; floating times and dates are taken as they are.
 */
public final class CalendarImport {

    /** Past this many in one horizon a file is no person's calendar (a rule repeating every minute, say). */
    public static final int MAX_BUSY_PERIODS = 20_000;
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    private static final int MAX_LABEL = 80;
    private static final Pattern TOKENS = Pattern.compile("Expected \\[(-?\\d+)], read \\[(-?\\d+)]");
    private static final Pattern UNPARSABLE = Pattern.compile("Text '([^']*)' could not be parsed.*");

    private final Horizon horizon;
    private final ZoneId zone;
    private final LocalDateTime horizonStart;
    private final LocalDateTime horizonEnd;

    /** Reads calendars for a plan over {@code horizon}, converting zoned times to {@code zone}. */
    public CalendarImport(Horizon horizon, ZoneId zone) {
        this.horizon = horizon;
        this.zone = zone;
        this.horizonStart = horizon.start().atStartOfDay();
        this.horizonEnd = horizon.start().plusDays(horizon.days()).atStartOfDay();
    }

    /**
     * The busy blocks of {@code owner} in {@code file}, each naming the calendar as {@code name} (how the plan file
     * names it). Throws {@link CalendarFormatException} for a file that cannot be read; then nothing is imported.
     */
    public List<BusyBlock> busyBlocks(Path file, String name, Person owner) {
        List<BusyBlock> blocks = new ArrayList<>();
        for (BusyPeriod period : busyPeriods(file)) {
            int start = horizon.toMinute(period.start());
            int end = horizon.toMinute(period.end());
            blocks.add(new BusyBlock(owner, start, end, period.label(),
                    period.label() + " " + horizon.describeSpan(start, end), name));
        }
        return blocks;
    }

    /** The busy periods of {@code file} that overlap the horizon, cut to it, whole minutes, in file order. */
    public List<BusyPeriod> busyPeriods(Path file) {
        String text = readText(file);
        Calendar calendar = parse(text);
        ComponentLines lines = new ComponentLines(text);
        List<BusyPeriod> periods = new ArrayList<>();
        events(calendar, lines, periods);
        freeBusy(calendar, lines, periods);
        return periods;
    }

    // ------------------------------------------------------------------ reading

    private static String readText(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new CalendarFormatException(0, "the file is larger than " + MAX_FILE_BYTES / (1024 * 1024)
                        + " MB; check that this is the right file, or export a shorter stretch of the calendar");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CalendarFormatException(0, "no such file");
        } catch (IOException e) {
            throw new CalendarFormatException(0, "cannot read the file: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CalendarFormatException(0, "not UTF-8 text, so not an iCalendar file (RFC 5545 files are UTF-8)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new CalendarFormatException(0, "the file is empty; an iCalendar file starts with BEGIN:VCALENDAR");
        }
        return text;
    }

    private static Calendar parse(String text) {
        try {
            // Relaxed unfolding: many exporters fold lines with a bare LF and a space, which RFC 5545 strictly forbids.
            return new CalendarBuilder().build(new UnfoldingReader(new StringReader(text), true));
        } catch (ParserException e) {
            int line = e.getLineNo();
            throw new CalendarFormatException(line, "not valid iCalendar: " + parseProblem(e)
                    + ComponentLines.quote(text, line));
        } catch (IOException | RuntimeException e) {
            throw new CalendarFormatException(0, "not valid iCalendar: " + e.getMessage());
        }
    }

    /** ical4j's parser speaks in tokenizer codes; a user needs what was expected and what was found. */
    private static String parseProblem(ParserException e) {
        String message = String.valueOf(e.getMessage()).replaceFirst("^Error at line \\d+:", "").strip();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null) {
            Matcher unparsable = UNPARSABLE.matcher(cause.getMessage());
            if (unparsable.matches()) {
                return "'" + unparsable.group(1) + "' is not a valid value here (a date, time or number)";
            }
        }
        Matcher tokens = TOKENS.matcher(message);
        if (tokens.matches()) {
            return "expected " + token(Integer.parseInt(tokens.group(1))) + ", found " + token(Integer.parseInt(tokens.group(2)));
        }
        if (message.startsWith("Expected [")) {
            return message.replaceFirst("Expected \\[(.*)], read \\[(.*)]", "expected the component $1 here, found $2");
        }
        if (message.equals("Invalid property name") && e.getLineNo() > 0) {
            return "a line without a property name (an empty line, or one starting with ':' or ';')";
        }
        if (message.contains("Unexpected end of file")) {
            return "the file ends inside a component (a BEGIN without its END)";
        }
        return message.isEmpty() ? String.valueOf(cause) : message;
    }

    private static String token(int code) {
        return switch (code) {
            case -3 -> "a name";
            case -1 -> "the end of the file";
            case 10, 13 -> "the end of the line";
            default -> "'" + (char) code + "'";
        };
    }

    // ------------------------------------------------------------------ events

    /** One VEVENT and the line it starts on. */
    private record Event(VEvent event, int line) {

        Optional<String> value(String property) {
            return event.<Property>getProperty(property).map(Property::getValue).map(String::strip);
        }

        boolean has(String property) {
            return event.getProperty(property).isPresent();
        }
    }

    private void events(Calendar calendar, ComponentLines lines, List<BusyPeriod> periods) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        // An event and its overridden instances share a UID; each UID is expanded once, as a whole.
        Map<String, List<Event>> byUid = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Event event = new Event(events.get(i), lines.lineOf(Component.VEVENT, i));
            String uid = event.value(Property.UID).orElse("\u0000line " + event.line());
            byUid.computeIfAbsent(uid, key -> new ArrayList<>()).add(event);
        }
        for (List<Event> group : byUid.values()) {
            try {
                recurringEvent(group, periods);
            } catch (CalendarFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                // ical4j reports an unknown time zone or an unusable rule as a runtime exception of its own
                throw new CalendarFormatException(group.get(0).line(), "cannot read this event" + summary(group.get(0))
                        + ": " + e.getMessage());
            }
        }
    }

    private void recurringEvent(List<Event> group, List<BusyPeriod> periods) {
        Event master = null;
        List<Event> overrides = new ArrayList<>();
        for (Event event : group) {
            if (event.has(Property.RECURRENCE_ID)) {
                overrides.add(event);
            } else if (master == null || sequence(event) >= sequence(master)) {
                master = event; // the latest revision of an event sent more than once
            }
        }
        Set<Object> replaced = new HashSet<>();
        for (Event override : overrides) {
            DateProperty<?> recurrenceId = override.event().<DateProperty<?>>getProperty(Property.RECURRENCE_ID).orElseThrow();
            replaced.add(key(recurrenceId.getDate()));
        }
        if (master != null) {
            addOccurrences(master, replaced, periods);
        }
        for (Event override : overrides) {
            addOccurrences(override, Set.of(), periods);
        }
    }

    private static int sequence(Event event) {
        return event.event().<Sequence>getProperty(Property.SEQUENCE).map(Sequence::getSequenceNo).orElse(0);
    }

    private void addOccurrences(Event event, Set<Object> replaced, List<BusyPeriod> periods) {
        DateProperty<?> dtStart = event.event().<DateProperty<?>>getProperty(Property.DTSTART).orElseThrow(() ->
                new CalendarFormatException(event.line(), "the event" + summary(event) + " has no DTSTART, so it has "
                        + "no time; RFC 5545 requires one"));
        Temporal seed = dtStart.getDate();
        boolean allDay = seed instanceof LocalDate;
        if (!isBusy(event, allDay)) {
            return;
        }
        TemporalAmount length = length(event, seed);
        if (isZero(length)) {
            return; // an event without an end takes no time (RFC 5545 3.6.1)
        }
        String label = label(event);
        for (Temporal start : starts(event, seed, length)) {
            if (event.has(Property.RECURRENCE_ID) || !replaced.contains(key(start))) {
                add(periods, start, start.plus(length), label, event.line());
            }
        }
        for (Property property : event.event().getProperties(Property.RDATE)) {
            Optional<? extends Set<? extends net.fortuna.ical4j.model.Period<?>>> explicit = ((RDate<?>) property).getPeriods();
            if (explicit.isPresent() && !explicit.get().isEmpty()) {
                for (net.fortuna.ical4j.model.Period<?> period : explicit.get()) {
                    if (!replaced.contains(key(period.getStart()))) {
                        add(periods, period.getStart(), period.getEnd(), label, event.line());
                    }
                }
            }
        }
    }

    /** Busy unless cancelled or marked free; an all-day event only when marked busy. */
    private static boolean isBusy(Event event, boolean allDay) {
        if (event.value(Property.STATUS).map("CANCELLED"::equalsIgnoreCase).orElse(false)) {
            return false;
        }
        Optional<String> transparency = event.value(Property.TRANSP);
        if (transparency.isPresent()) {
            return !transparency.get().equalsIgnoreCase("TRANSPARENT");
        }
        Optional<String> outlookStatus = event.value("X-MICROSOFT-CDO-BUSYSTATUS");
        if (outlookStatus.isPresent()) {
            return !outlookStatus.get().equalsIgnoreCase("FREE");
        }
        return !allDay;
    }

    /** How long each occurrence lasts: DURATION, or DTEND - DTSTART, or a day for a date and nothing for a time. */
    private static TemporalAmount length(Event event, Temporal seed) {
        boolean allDay = seed instanceof LocalDate;
        Optional<net.fortuna.ical4j.model.property.Duration> duration = event.event().getProperty(Property.DURATION);
        if (duration.isPresent()) {
            TemporalAmount amount = duration.get().getDuration();
            if (allDay && amount instanceof Duration exact) {
                return Period.ofDays((int) Math.max(0, (exact.toMinutes() + 1439) / 1440));
            }
            return amount;
        }
        Optional<DateProperty<?>> dtEnd = event.event().getProperty(Property.DTEND);
        if (dtEnd.isEmpty()) {
            return allDay ? Period.ofDays(1) : Duration.ZERO;
        }
        Temporal end = dtEnd.get().getDate();
        if (allDay != (end instanceof LocalDate)) {
            throw new CalendarFormatException(event.line(), "the event" + summary(event) + " starts on a "
                    + (allDay ? "date" : "date and time") + " but ends on a " + (allDay ? "date and time" : "date")
                    + "; DTSTART and DTEND must be of one kind");
        }
        if (allDay) {
            long days = ChronoUnit.DAYS.between((LocalDate) seed, (LocalDate) end);
            if (days < 0) {
                throw endBeforeStart(event);
            }
            return Period.ofDays((int) Math.min(days, 100_000));
        }
        Duration between = Duration.between(seed, end);
        if (between.isNegative()) {
            throw endBeforeStart(event);
        }
        return between;
    }

    private static CalendarFormatException endBeforeStart(Event event) {
        return new CalendarFormatException(event.line(), "the event" + summary(event) + " ends (DTEND) before it starts (DTSTART)");
    }

    private static boolean isZero(TemporalAmount amount) {
        return amount instanceof Duration d ? d.isZero() || d.isNegative() : ((Period) amount).isZero() || ((Period) amount).isNegative();
    }

    /** Starts of the event's occurrences that may touch the horizon: DTSTART, RRULE and RDATE dates, less EXDATE. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Temporal> starts(Event event, Temporal seed, TemporalAmount length) {
        List<Temporal> starts = new ArrayList<>();
        starts.add(seed); // RFC 5545: DTSTART is always the first occurrence, matching the rule or not
        Temporal from = lowerBound(seed, length);
        Temporal to = upperBound(seed);
        for (Property property : event.event().getProperties(Property.RRULE)) {
            Recur<?> recur = ((RRule<?>) property).getRecur();
            if (recur.getFrequency() == Frequency.SECONDLY || recur.getFrequency() == Frequency.MINUTELY) {
                // ical4j counts such a rule from its first occurrence on, which can take minutes; nobody is busy so
                throw new CalendarFormatException(event.line(), "the event" + summary(event) + " repeats every "
                        + (recur.getFrequency() == Frequency.SECONDLY ? "second" : "minute")
                        + " (RRULE FREQ=" + recur.getFrequency() + "); that is not busy time of a person");
            }
            starts.addAll(((RRule) property).getRecur().getDates(seed, from, to));
        }
        for (Property property : event.event().getProperties(Property.RDATE)) {
            RDate<?> rdate = (RDate<?>) property;
            if (rdate.getPeriods().map(Set::isEmpty).orElse(true)) {
                starts.addAll(rdate.getDates());
            }
        }
        Set<Object> excluded = new HashSet<>();
        for (Property property : event.event().getProperties(Property.EXDATE)) {
            for (Object date : ((DateListProperty<?>) property).getDates()) {
                excluded.add(key((Temporal) date));
            }
        }
        List<Temporal> kept = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (Temporal start : starts) {
            Object key = key(start);
            if (seen.add(key) && !excluded.contains(key) && !excluded.contains(dateOf(start))) {
                kept.add(start);
            }
        }
        return kept;
    }

    /** A day before the horizon, less one occurrence's length, in the seed's own kind of time. */
    private Temporal lowerBound(Temporal seed, TemporalAmount length) {
        LocalDateTime local = horizonStart.minusDays(1);
        Temporal bound = inKindOf(seed, local);
        return seed instanceof LocalDate ? ((LocalDate) bound).minus(length instanceof Period p ? p : Period.ZERO)
                : bound.minus(length);
    }

    private Temporal upperBound(Temporal seed) {
        return inKindOf(seed, horizonEnd.plusDays(1));
    }

    /** {@code local} (plan time) as the same kind of temporal as {@code seed}, so ical4j compares like with like. */
    private Temporal inKindOf(Temporal seed, LocalDateTime local) {
        Instant instant = local.atZone(zone).toInstant();
        if (seed instanceof LocalDate) {
            return local.toLocalDate();
        } else if (seed instanceof LocalDateTime) {
            return local;
        } else if (seed instanceof ZonedDateTime zoned) {
            return instant.atZone(zoned.getZone());
        } else if (seed instanceof OffsetDateTime offset) {
            return instant.atOffset(offset.getOffset());
        }
        return instant;
    }

    /** What identifies an occurrence for EXDATE and RECURRENCE-ID: the date, the floating time or the instant. */
    private static Object key(Temporal time) {
        if (time instanceof LocalDate || time instanceof LocalDateTime) {
            return time;
        }
        return Instant.from(time);
    }

    /** The date of a start, so an EXDATE given as a date removes that day's occurrence of a timed event. */
    private static Object dateOf(Temporal time) {
        try {
            return LocalDate.from(time);
        } catch (DateTimeException e) {
            return time;
        }
    }

    private static String label(Event event) {
        String privacy = event.value(Property.CLASS).orElse("PUBLIC");
        if (privacy.equalsIgnoreCase("PRIVATE") || privacy.equalsIgnoreCase("CONFIDENTIAL")) {
            return "busy";
        }
        return cleanLabel(event.value(Property.SUMMARY).orElse(""));
    }

    private static String cleanLabel(String text) {
        String clean = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (clean.isEmpty()) {
            return "busy";
        }
        return clean.length() > MAX_LABEL ? clean.substring(0, MAX_LABEL - 3) + "..." : clean;
    }

    /** " 'Standup'", or " (UID 1234)" for an event without a summary: how a problem names the event. */
    private static String summary(Event event) {
        return event.value(Property.SUMMARY).filter(s -> !s.isBlank()).map(s -> " '" + cleanLabel(s) + "'")
                .or(() -> event.value(Property.UID).map(uid -> " (UID " + cleanLabel(uid) + ")")).orElse("");
    }

    // ------------------------------------------------------------------ free/busy

    private void freeBusy(Calendar calendar, ComponentLines lines, List<BusyPeriod> periods) {
        List<VFreeBusy> components = calendar.getComponents(Component.VFREEBUSY);
        for (int i = 0; i < components.size(); i++) {
            int line = lines.lineOf(Component.VFREEBUSY, i);
            try {
                freeBusyPeriods(components.get(i), line, periods);
            } catch (CalendarFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new CalendarFormatException(line, "cannot read these free/busy periods: " + e.getMessage());
            }
        }
    }

    private void freeBusyPeriods(VFreeBusy component, int line, List<BusyPeriod> periods) {
        for (Property property : component.getProperties(Property.FREEBUSY)) {
            String type = property.getParameter(Parameter.FBTYPE).map(Parameter::getValue).orElse("BUSY")
                    .toUpperCase(Locale.ROOT);
            if (type.equals("FREE")) {
                continue;
            }
            String label = switch (type) {
                case "BUSY-UNAVAILABLE" -> "unavailable";
                case "BUSY-TENTATIVE" -> "tentative";
                default -> "busy";
            };
            for (Interval interval : ((FreeBusy) property).getIntervals()) {
                add(periods, interval.getStart(), interval.getEnd(), label, line);
            }
        }
    }

    // ------------------------------------------------------------------ into the plan

    private void add(List<BusyPeriod> periods, Temporal start, Temporal end, String label, int line) {
        LocalDateTime from = atMinute(local(start), false);
        LocalDateTime to = atMinute(local(end), true);
        if (from.isBefore(horizonStart)) {
            from = horizonStart;
        }
        if (to.isAfter(horizonEnd)) {
            to = horizonEnd;
        }
        if (!to.isAfter(from)) {
            return;
        }
        if (periods.size() >= MAX_BUSY_PERIODS) {
            throw new CalendarFormatException(line, "more than " + MAX_BUSY_PERIODS + " busy periods in the plan's "
                    + "horizon; a person's calendar has far fewer, check that this is the right file");
        }
        periods.add(new BusyPeriod(from, to, label, line));
    }

    /** A time in the plan's wall clock: zoned and UTC times converted, floating times and dates as they are. */
    private LocalDateTime local(Temporal time) {
        if (time instanceof LocalDate date) {
            return date.atStartOfDay();
        } else if (time instanceof LocalDateTime local) {
            return local;
        } else if (time instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone).toLocalDateTime();
        } else if (time instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone).toLocalDateTime();
        }
        return Instant.from(time).atZone(zone).toLocalDateTime();
    }

    /** Busy time covers a partly used minute: starts round down, ends round up. */
    private static LocalDateTime atMinute(LocalDateTime time, boolean roundUp) {
        LocalDateTime minute = time.truncatedTo(ChronoUnit.MINUTES);
        return roundUp && minute.isBefore(time) ? minute.plusMinutes(1) : minute;
    }

    /** Where each top-level component starts in the file, since ical4j's model keeps no line numbers. */
    private static final class ComponentLines {

        private final Map<String, List<Integer>> starts = new LinkedHashMap<>();

        ComponentLines(String text) {
            String[] physical = text.split("\r\n|\r|\n", -1);
            int depth = 0;
            for (int i = 0; i < physical.length; i++) {
                String line = physical[i].strip().toUpperCase(Locale.ROOT);
                if (line.startsWith("BEGIN:")) {
                    depth++;
                    if (depth == 2) {
                        starts.computeIfAbsent(line.substring("BEGIN:".length()).strip(), k -> new ArrayList<>()).add(i + 1);
                    }
                } else if (line.startsWith("END:")) {
                    depth--;
                }
            }
        }

        /** The line of the {@code index}-th component named {@code name} (0 when unknown). */
        int lineOf(String name, int index) {
            List<Integer> lines = starts.getOrDefault(name, List.of());
            return index < lines.size() ? lines.get(index) : 0;
        }

        /** ': "DTSTART;;VALUE=..."', the text of a line to show with a problem on it. */
        static String quote(String text, int line) {
            String[] physical = text.split("\r\n|\r|\n", -1);
            if (line < 1 || line > physical.length) {
                return "";
            }
            String content = physical[line - 1].replaceAll("\\p{Cntrl}", " ").strip();
            if (content.isEmpty()) {
                return " (the line is empty)";
            }
            return " in \"" + (content.length() > 60 ? content.substring(0, 60) + "..." : content) + "\"";
        }
    }
}
