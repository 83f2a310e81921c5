package io.runplan.io;

import io.runplan.domain.BusyBlock;
import io.runplan.domain.Horizon;
import io.runplan.domain.Person;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VFreeBusy;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.FreeBusy;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.threeten.extra.Interval;

import java.io.IOException;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the busy time of an iCalendar file (RFC 5545, parsed by ical4j) into busy blocks of one person over a plan's
 * horizon, in the plan's time zone.
 *
 * <p>What is busy: every event that takes time, with its recurrences (RRULE and RDATE, less EXDATE, with
 * overridden instances, RECURRENCE-ID, in place of the ones they replace, and with RANGE=THISANDFUTURE in place of all
 * later ones), unless it is free (TRANSP:TRANSPARENT, or Outlook's X-MICROSOFT-CDO-BUSYSTATUS:FREE) or cancelled; an
 * all-day event only when it says it is busy (TRANSP:OPAQUE or an Outlook busy status), since calendar apps keep
 * birthdays and holidays as free all-day events; and the busy periods of VFREEBUSY (every FBTYPE but FREE). To-dos,
 * journals and availability are not busy time. Times with a time zone or in UTC are converted to the plan's zone;
 * floating times and dates are taken as they are. A file may hold several VCALENDARs; all are read.
 *
 * <p>Calendars as they come: what cannot change busy time is read past with a {@link CalendarWarning} (see
 * {@link CalendarParse}); what can is refused with a {@link CalendarFormatException} naming the line.
 */
public final class CalendarImport {

    /** Past this many in one horizon a file is no person's calendar (a rule repeating every minute, say). */
    public static final int MAX_BUSY_PERIODS = 20_000;
    /** Past this many warnings about one file the rest are counted, not listed. */
    static final int MAX_WARNINGS = 20;
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    private static final int MAX_LABEL = 80;

    private final Horizon horizon;
    private final ZoneId zone;
    private final LocalDateTime horizonStart;
    private final LocalDateTime horizonEnd;

    /** What one file gives: its busy periods, and what was read past on the way, by line. */
    public record Reading(List<BusyPeriod> periods, List<CalendarWarning> warnings) {
    }

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
        return busyBlocks(read(file).periods(), name, owner);
    }

    /** Busy periods (of one {@link #read}) as the busy blocks of {@code owner}, naming their calendar {@code name}. */
    public List<BusyBlock> busyBlocks(List<BusyPeriod> periods, String name, Person owner) {
        List<BusyBlock> blocks = new ArrayList<>();
        for (BusyPeriod period : periods) {
            int start = horizon.toMinute(period.start());
            int end = horizon.toMinute(period.end());
            blocks.add(new BusyBlock(owner, start, end, period.label(),
                    period.label() + " " + horizon.describeSpan(start, end), name));
        }
        return blocks;
    }

    /** The busy periods of {@code file} that overlap the horizon, cut to it, whole minutes, in file order. */
    public List<BusyPeriod> busyPeriods(Path file) {
        return read(file).periods();
    }

    /** Reads {@code file}: its busy periods over the horizon, and a warning for each fault read past. */
    public Reading read(Path file) {
        List<CalendarWarning> warnings = new ArrayList<>();
        return new FileReading(readText(file, warnings), warnings).read();
    }

    // ------------------------------------------------------------------ reading

    /** Bytes no text has: NUL and the control characters other than tab, line feed and carriage return. */
    private static boolean isBinary(byte[] bytes) {
        for (byte b : bytes) {
            if (b >= 0 && b < 32 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return true;
            }
        }
        return false;
    }

    private static String readText(Path file, List<CalendarWarning> warnings) {
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
            if (isBinary(bytes)) {
                throw new CalendarFormatException(0, "not UTF-8 text, so not an iCalendar file (RFC 5545 files are UTF-8)");
            }
            // older exporters write Windows-1252 or Shift_JIS; only labels can come out wrong, busy time cannot
            warnings.add(new CalendarWarning(0, "not UTF-8 as RFC 5545 wants; read as Latin-1, so letters beyond "
                    + "ASCII in event names may show wrong"));
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new CalendarFormatException(0, "the file is empty; an iCalendar file starts with BEGIN:VCALENDAR");
        }
        return text;
    }

    /** One event (VEVENT) and the line it starts on. */
    private record Event(VEvent event, int line) {

        Optional<String> value(String property) {
            return event.<Property>getProperty(property).map(Property::getValue).map(String::strip);
        }

        boolean has(String property) {
            return event.getProperty(property).isPresent();
        }

        <T extends Property> Optional<T> property(String name) {
            return event.getProperty(name);
        }
    }

    /** One occurrence of an event: when it starts and ends, its label and the line of the event that made it. */
    private record Occurrence(Temporal start, Temporal end, String label, int line) {
    }

    /** The reading of one file: its parse, its zones, and the warnings and busy periods gathered. */
    private final class FileReading {

        private final String text;
        private final FileTimeZones zones = new FileTimeZones(horizonEnd.plusYears(1));
        private final List<CalendarWarning> warnings;
        private final List<BusyPeriod> periods = new ArrayList<>();
        private final Set<String> beforeFirstChange = new HashSet<>();
        private final Set<Event> mixedKinds = new HashSet<>();
        private CalendarParse.Parsed parsed;

        FileReading(String text, List<CalendarWarning> warnings) {
            this.text = text;
            this.warnings = warnings;
        }

        Reading read() {
            parsed = CalendarParse.parse(text, zones, warnings);
            checkZones();
            events();
            freeBusy();
            warnings.sort(Comparator.comparingInt(CalendarWarning::line));
            List<CalendarWarning> kept = new ArrayList<>(warnings.subList(0, Math.min(warnings.size(), MAX_WARNINGS)));
            if (warnings.size() > MAX_WARNINGS) {
                kept.add(new CalendarWarning(0, (warnings.size() - MAX_WARNINGS) + " more warnings like these"));
            }
            return new Reading(List.copyOf(periods), List.copyOf(kept));
        }

        private int lineOf(Object part, int otherwise) {
            int line = parsed.lineOf(part);
            return line > 0 ? line : otherwise;
        }

        // -------------------------------------------------------------- zones

        /**
         * The zones the busy time names: a VTIMEZONE that cannot be read refuses the file where a time names it and
         * is only a warning otherwise; a Windows zone name without a VTIMEZONE is read as CLDR maps it, with a warning.
         */
        private void checkZones() {
            for (Calendar calendar : parsed.calendars()) {
                for (VTimeZone vTimeZone : calendar.<VTimeZone>getComponents(Component.VTIMEZONE)) {
                    int line = parsed.lineOf(vTimeZone);
                    Optional<String> tzId = vTimeZone.<Property>getProperty(Property.TZID).map(Property::getValue);
                    if (tzId.isEmpty()) {
                        warnings.add(new CalendarWarning(line, "a VTIMEZONE without TZID, so no time can name it; skipped"));
                    } else if (zones.unreadable().containsKey(tzId.get())) {
                        String why = zones.unreadable().get(tzId.get());
                        Integer use = parsed.tzIds().get(tzId.get());
                        if (use != null) {
                            throw new CalendarFormatException(use, "the time zone '" + tzId.get() + "' (its VTIMEZONE at line "
                                    + line + ") cannot be read: " + why + "; fix that VTIMEZONE or name a zone like Europe/Berlin");
                        }
                        warnings.add(new CalendarWarning(line, "the VTIMEZONE '" + tzId.get() + "' cannot be read (" + why
                                + "); no time here names it, so it is skipped"));
                    }
                }
            }
            parsed.tzIds().forEach((tzId, line) -> {
                if (zones.defines(tzId)) {
                    return;
                }
                try {
                    ZoneId zoneId = zones.zoneOf(tzId);
                    if (!isZoneId(tzId) && !TimeZoneRegistry.ZONE_ALIASES.containsKey(tzId)) {
                        zones.adopt(tzId, zoneId); // a name ical4j cannot resolve on its own
                    }
                } catch (DateTimeException e) {
                    return; // refused where a time names it
                }
                if (isZoneId(tzId)) {
                    return;
                }
                String alias = TimeZoneRegistry.ZONE_ALIASES.get(tzId);
                if (alias != null) {
                    warnings.add(new CalendarWarning(line, "the time zone '" + tzId + "' has no VTIMEZONE in the file; read as "
                            + "the Windows zone it names, " + alias));
                } else {
                    FileTimeZones.ianaSuffix(tzId).ifPresent(iana -> warnings.add(new CalendarWarning(line, "the time zone '"
                            + tzId + "' has no VTIMEZONE in the file; read as the zone its name ends in, " + iana)));
                }
            });
        }

        private static boolean isZoneId(String id) {
            try {
                ZoneId.of(id);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }

        /** A time of the file, or a refusal at its line saying why it cannot be read. */
        private Temporal time(DateProperty<?> property, int line) {
            try {
                return zoned(property.getDate(), property, line);
            } catch (CalendarFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                throw timeProblem(property, e, line);
            }
        }

        /**
         * A time of a property with a TZID in the zone that TZID names, by the file's own VTIMEZONE or else by
         * java.time's zone rules. ical4j reads it in the file's zone too, but for any other name in a zone built from
         * its own bundled definitions with the flaw of {@link FileTimeZones} (Brisbane, Johannesburg and Perth an hour
         * off, say): so the wall-clock time ical4j read is put in the right zone here.
         */
        private Temporal zoned(Temporal time, Property property, int line) {
            Optional<TzId> tzId = property.getParameter(Parameter.TZID);
            if (tzId.isEmpty() || !(time instanceof ZonedDateTime || time instanceof LocalDateTime)) {
                return time;
            }
            try {
                ZoneId zoneId = zones.zoneOf(tzId.get().getValue());
                return time instanceof ZonedDateTime zoned ? zoned.toLocalDateTime().atZone(zoneId)
                        : ((LocalDateTime) time).atZone(zoneId);
            } catch (RuntimeException e) {
                throw timeProblem(property, e, line);
            }
        }

        /** The dates of an RDATE or EXDATE, each in the zone its TZID names. */
        private List<Temporal> dates(DateListProperty<?> property, Event event) {
            int line = lineOf(property, event.line());
            List<Temporal> dates = new ArrayList<>();
            try {
                for (Object date : property.getDates()) {
                    dates.add(zoned((Temporal) date, property, line));
                }
            } catch (CalendarFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                throw timeProblem(property, e, line);
            }
            return dates;
        }

        private CalendarFormatException timeProblem(Property property, RuntimeException e, int line) {
            Optional<String> tzId = property.<TzId>getParameter(Parameter.TZID).map(TzId::getValue);
            boolean zoneFault = e instanceof DateTimeException && !(e instanceof java.time.format.DateTimeParseException)
                    || e instanceof IllegalStateException;
            if (tzId.isPresent() && zoneFault) {
                return new CalendarFormatException(line, property.getName() + " names the time zone '" + tzId.get()
                        + "', which is defined nowhere: the file has no VTIMEZONE with that TZID and it is no IANA zone "
                        + "(like Europe/Berlin) or Windows zone (like W. Europe Standard Time); add its VTIMEZONE or "
                        + "name a known zone");
            }
            String value;
            try {
                value = " '" + property.getValue() + "'";
            } catch (RuntimeException unreadable) {
                value = "";
            }
            return new CalendarFormatException(line, property.getName() + value + ": " + CalendarWords.of(e));
        }

        // -------------------------------------------------------------- events

        private void events() {
            // An event and its overridden instances share a UID; each UID is expanded once, as a whole, across the
            // VCALENDARs of the file.
            Map<String, List<Event>> byUid = new LinkedHashMap<>();
            for (Calendar calendar : parsed.calendars()) {
                for (VEvent vEvent : calendar.<VEvent>getComponents(Component.VEVENT)) {
                    Event event = new Event(vEvent, parsed.lineOf(vEvent));
                    String uid = event.value(Property.UID).orElse("\u0000line " + event.line());
                    byUid.computeIfAbsent(uid, key -> new ArrayList<>()).add(event);
                }
            }
            for (List<Event> group : byUid.values()) {
                try {
                    recurringEvent(group);
                } catch (CalendarFormatException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // ical4j reports an unusable rule or time as a runtime exception of its own
                    throw new CalendarFormatException(group.get(0).line(), "cannot read this event" + summary(group.get(0))
                            + ": " + CalendarWords.of(e));
                }
            }
        }

        private void recurringEvent(List<Event> group) {
            Event master = null;
            List<Event> overrides = new ArrayList<>();
            for (Event event : group) {
                if (event.has(Property.RECURRENCE_ID)) {
                    overrides.add(event);
                } else if (master == null || sequence(event) >= sequence(master)) {
                    master = event; // the latest revision of an event sent more than once
                }
            }
            Temporal masterStart = master == null ? null : start(master);
            List<Move> moves = new ArrayList<>();
            for (Event event : overrides) {
                moves.add(override(event, masterStart));
            }
            // a later THISANDFUTURE override wins over an earlier one for the occurrences both move
            moves.sort(Comparator.comparing(move -> local(move.recurrenceId())));
            List<Occurrence> occurrences = new ArrayList<>();
            if (master != null) {
                Duration margin = moves.stream().filter(Move::thisAndFuture).map(Move::shift)
                        .map(Duration::abs).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
                for (Occurrence occurrence : occurrences(master, margin)) {
                    // a RECURRENCE-ID names an occurrence as the series has it, before any THISANDFUTURE moved it
                    if (moves.stream().anyMatch(move -> !move.thisAndFuture() && move.replaces(occurrence))) {
                        continue;
                    }
                    // RFC 5545 3.8.4.4: the THISANDFUTURE override with the latest RECURRENCE-ID at or before this
                    // occurrence (as the series has it) moves it by its own shift
                    Optional<Move> range = moves.stream().filter(Move::thisAndFuture)
                            .filter(move -> compare(occurrence.start(), move.recurrenceId()) >= 0)
                            .reduce((earlier, later) -> later);
                    if (range.isEmpty()) {
                        occurrences.add(occurrence);
                    } else {
                        range.get().apply(occurrence).ifPresent(occurrences::add);
                    }
                }
            }
            for (Move move : moves) {
                // a THISANDFUTURE override stands for itself only when there is no series to move
                if (!move.thisAndFuture() || master == null) {
                    occurrences.addAll(occurrences(move.event(), Duration.ZERO));
                }
            }
            for (Occurrence occurrence : occurrences) {
                add(occurrence.start(), occurrence.end(), occurrence.label(), occurrence.line());
            }
        }

        /**
         * An overridden instance: the occurrence of the series it replaces ({@code recurrenceId}), and with
         * RANGE=THISANDFUTURE the shift and length it gives that one and every later one.
         */
        private record Move(Event event, Temporal recurrenceId, Object replaced, boolean thisAndFuture, Duration shift,
                TemporalAmount length, String label, boolean busy) {

            /** Whether this override stands for that occurrence of the series. */
            boolean replaces(Occurrence occurrence) {
                return key(occurrence.start()).equals(replaced)
                        || recurrenceId instanceof LocalDate && dayOf(occurrence.start()).equals(replaced);
            }

            /** An occurrence at or after this THISANDFUTURE override as it leaves it: gone, or moved. */
            Optional<Occurrence> apply(Occurrence occurrence) {
                if (!busy) {
                    return Optional.empty();
                }
                Temporal start = shifted(occurrence.start(), shift);
                return Optional.of(new Occurrence(start, start.plus(length), label, event.line()));
            }
        }

        private Move override(Event event, Temporal masterStart) {
            DateProperty<?> property = event.<DateProperty<?>>property(Property.RECURRENCE_ID).orElseThrow();
            int line = lineOf(property, event.line());
            Temporal recurrenceId = time(property, line);
            if (masterStart instanceof LocalDate && !(recurrenceId instanceof LocalDate)) {
                // Exchange marks a moved day of an all-day series with a date-time RECURRENCE-ID (midnight)
                LocalDate day = dayOf(recurrenceId);
                warnings.add(new CalendarWarning(line, "RECURRENCE-ID '" + property.getValue() + "' is a date and time "
                        + "for an all-day series; taken as the day " + day));
                recurrenceId = day;
            }
            boolean thisAndFuture = property.getParameter(Parameter.RANGE).map(Parameter::getValue)
                    .map("THISANDFUTURE"::equalsIgnoreCase).orElse(false);
            Temporal start = start(event);
            TemporalAmount length = length(event, start);
            Duration shift = recurrenceId instanceof LocalDate || start instanceof LocalDate
                    ? Duration.ofDays(ChronoUnit.DAYS.between(dayOf(recurrenceId), dayOf(start)))
                    : Duration.between(local(recurrenceId), local(start));
            boolean busy = isBusy(event, start instanceof LocalDate) && !isZero(length);
            return new Move(event, recurrenceId, key(recurrenceId), thisAndFuture, shift, length, label(event), busy);
        }

        private static int sequence(Event event) {
            return event.event().<Sequence>getProperty(Property.SEQUENCE).map(Sequence::getSequenceNo).orElse(0);
        }

        private Temporal start(Event event) {
            DateProperty<?> dtStart = event.<DateProperty<?>>property(Property.DTSTART).orElseThrow(() ->
                    new CalendarFormatException(event.line(), "the event" + summary(event) + " has no DTSTART, so it has "
                            + "no time; RFC 5545 requires one"));
            int line = lineOf(dtStart, event.line());
            Temporal start = time(dtStart, line);
            Optional<String> tzId = dtStart.<TzId>getParameter(Parameter.TZID).map(TzId::getValue);
            if (start instanceof ZonedDateTime zoned && tzId.isPresent() && zones.firstChange(tzId.get())
                    .filter(first -> zoned.toInstant().isBefore(first)).isPresent() && beforeFirstChange.add(tzId.get())) {
                warnings.add(new CalendarWarning(line, "DTSTART " + dtStart.getValue() + " is before the first change its "
                        + "time zone '" + tzId.get() + "' lists; taken at the offset before that change (TZOFFSETFROM), "
                        + zoned.getOffset()));
            }
            return start;
        }

        /** The event's busy occurrences that may touch the horizon, or that a shift of {@code margin} may bring into it. */
        private List<Occurrence> occurrences(Event event, Duration margin) {
            Temporal seed = start(event);
            boolean allDay = seed instanceof LocalDate;
            List<Occurrence> occurrences = new ArrayList<>();
            if (!isBusy(event, allDay)) {
                return occurrences;
            }
            TemporalAmount length = length(event, seed);
            if (isZero(length)) {
                return occurrences; // an event without an end takes no time (RFC 5545 3.6.1)
            }
            String label = label(event);
            Set<Object> seen = new HashSet<>();
            for (Temporal start : starts(event, seed, length, margin)) {
                seen.add(key(start));
                occurrences.add(new Occurrence(start, start.plus(length), label, event.line()));
            }
            for (Property property : event.event().getProperties(Property.RDATE)) {
                for (net.fortuna.ical4j.model.Period<?> period : periods((RDate<?>) property, event)) {
                    int line = lineOf(property, event.line());
                    Temporal start = zoned(period.getStart(), property, line);
                    if (seen.add(key(start))) { // a period at DTSTART is that occurrence, not a second one
                        occurrences.add(new Occurrence(start, zoned(period.getEnd(), property, line), label, event.line()));
                    }
                }
            }
            return occurrences;
        }

        private Set<? extends net.fortuna.ical4j.model.Period<?>> periods(RDate<?> rdate, Event event) {
            try {
                return rdate.getPeriods().orElse(Set.of());
            } catch (RuntimeException e) {
                throw timeProblem(rdate, e, lineOf(rdate, event.line()));
            }
        }

        /** How long each occurrence lasts: DTEND - DTSTART, or DURATION, or a day for a date and nothing for a time. */
        private TemporalAmount length(Event event, Temporal seed) {
            boolean allDay = seed instanceof LocalDate;
            Optional<DateProperty<?>> dtEnd = event.property(Property.DTEND);
            Optional<net.fortuna.ical4j.model.property.Duration> duration = event.property(Property.DURATION);
            TemporalAmount byDuration = duration.map(d -> durationLength(d, allDay)).orElse(null);
            if (dtEnd.isEmpty()) {
                return byDuration != null ? byDuration : allDay ? Period.ofDays(1) : Duration.ZERO;
            }
            int endLine = lineOf(dtEnd.get(), event.line());
            Temporal end = time(dtEnd.get(), endLine);
            if (allDay != (end instanceof LocalDate)) {
                throw new CalendarFormatException(endLine, "the event" + summary(event) + " starts on a "
                        + (allDay ? "date" : "date and time") + " but ends on a " + (allDay ? "date and time" : "date")
                        + "; DTSTART and DTEND must be of one kind");
            }
            TemporalAmount byEnd;
            if (allDay) {
                long days = ChronoUnit.DAYS.between((LocalDate) seed, (LocalDate) end);
                if (days < 0) {
                    throw endBeforeStart(event, endLine);
                }
                byEnd = Period.ofDays((int) Math.min(days, 100_000));
            } else {
                Duration between = Duration.between(absolute(seed, end, event, endLine), absolute(end, seed, event, endLine));
                if (between.isNegative()) {
                    throw endBeforeStart(event, endLine);
                }
                byEnd = between;
            }
            if (byDuration != null && !seed.plus(byDuration).equals(seed.plus(byEnd))) {
                // RFC 5545 allows one of the two; Google and Outlook read DTEND, so a zero DURATION drops no evening
                warnings.add(new CalendarWarning(lineOf(duration.get(), event.line()), "the event" + summary(event)
                        + " has both DTEND and DURATION " + duration.get().getValue() + ", which disagree; DTEND taken"));
            }
            return byEnd;
        }

        /**
         * {@code time} as an instant, to measure from DTSTART to DTEND: a floating time beside a zoned or UTC one is
         * taken in that one's zone (with a warning), as Thunderbird writes a DTEND without the TZID of its DTSTART.
         */
        private Instant absolute(Temporal time, Temporal other, Event event, int line) {
            if (!(time instanceof LocalDateTime local)) {
                return Instant.from(time);
            }
            if (other instanceof LocalDateTime) {
                return local.toInstant(java.time.ZoneOffset.UTC); // both floating: their difference is what counts
            }
            ZoneId otherZone = other instanceof ZonedDateTime zoned ? zoned.getZone() : java.time.ZoneOffset.UTC;
            if (mixedKinds.add(event)) {
                String name = Optional.ofNullable(zones.getTzId(otherZone.getId())).orElse(otherZone.getId());
                warnings.add(new CalendarWarning(line, "the event" + summary(event) + " has a DTSTART and a DTEND of "
                        + "different kinds, one with a zone or in UTC and one floating; the floating one is taken in "
                        + name));
            }
            return local.atZone(otherZone).toInstant();
        }

        private TemporalAmount durationLength(net.fortuna.ical4j.model.property.Duration duration, boolean allDay) {
            TemporalAmount amount = duration.getDuration();
            if (allDay && amount instanceof Duration exact) {
                return Period.ofDays((int) Math.max(0, (exact.toMinutes() + 1439) / 1440));
            }
            return amount;
        }

        private CalendarFormatException endBeforeStart(Event event, int line) {
            return new CalendarFormatException(line, "the event" + summary(event) + " ends (DTEND) before it starts (DTSTART)");
        }

        /**
         * Starts of the event's occurrences that may touch the horizon: DTSTART, RRULE and RDATE dates, less EXDATE.
         * ical4j's own recurrence set (RFC 5545 3.8.5) gives them, with three exceptions where ical4j 4.2.3 does not
         * give the busy time a calendar app shows, which the calendar tests hold:
         * <ul>
         * <li>RDATE periods (VALUE=PERIOD) are left out of it and read by {@link #occurrences}: in ical4j's set a
         * period takes the event's length instead of its own, and one whose start is another kind of time than
         * DTSTART (khal's periods with a TZID) makes ical4j fail;</li>
         * <li>EXDATE is applied again here, by instant: ical4j compares an EXDATE with an occurrence as written, so
         * Exchange's EXDATE in UTC for an event with a TZID removes nothing there; and an EXDATE that is a date
         * removes that day's occurrence of a timed event, as calendar apps do;</li>
         * <li>each start ical4j gives in DTSTART's zone is put in the zone that TZID really names ({@link #zoned}).</li>
         * </ul>
         */
        private List<Temporal> starts(Event event, Temporal seed, TemporalAmount length, Duration margin) {
            for (Property property : event.event().getProperties(Property.RRULE)) {
                checkRule(((RRule<?>) property).getRecur(), event, lineOf(property, event.line()));
            }
            DateProperty<?> dtStart = event.<DateProperty<?>>property(Property.DTSTART).orElseThrow();
            int line = lineOf(dtStart, event.line());
            List<Temporal> starts = new ArrayList<>();
            starts.add(seed); // RFC 5545: DTSTART is always the first occurrence, matching the rule or not
            Temporal raw = dtStart.getDate();
            for (net.fortuna.ical4j.model.Period<Temporal> period : recurrenceSet(event, raw, length, margin, line)) {
                Temporal start = period.getStart();
                boolean inDtStartZone = start instanceof ZonedDateTime zoned && raw instanceof ZonedDateTime rawZoned
                        && zoned.getZone().equals(rawZoned.getZone());
                starts.add(inDtStartZone ? zoned(start, dtStart, line) : start);
            }
            Set<Object> excluded = new HashSet<>();
            for (Property property : event.event().getProperties(Property.EXDATE)) {
                for (Temporal date : dates((DateListProperty<?>) property, event)) {
                    excluded.add(key(date));
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

        /** ical4j's recurrence set of the event without its RDATE periods, over the horizon widened by a day and more. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private Set<net.fortuna.ical4j.model.Period<Temporal>> recurrenceSet(Event event, Temporal raw,
                TemporalAmount length, Duration margin, int line) {
            PropertyList recurrence = new PropertyList(event.event().getProperties().stream()
                    .filter(property -> switch (property.getName()) {
                        case Property.DTSTART, Property.DTEND, Property.DURATION, Property.RRULE, Property.EXDATE -> true;
                        case Property.RDATE -> periods((RDate<?>) property, event).isEmpty();
                        default -> false;
                    })
                    .toList());
            var window = new net.fortuna.ical4j.model.Period(lowerBound(raw, length, margin), upperBound(raw, margin));
            try {
                return new VEvent(recurrence).calculateRecurrenceSet(window);
            } catch (CalendarFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                // ical4j reports a rule it cannot follow as a runtime exception of its own
                Optional<Property> rule = event.event().getProperties(Property.RRULE).stream().findFirst();
                throw new CalendarFormatException(rule.map(r -> lineOf(r, line)).orElse(line), rule
                        .map(r -> "RRULE '" + r.getValue() + "': ").orElse("the event" + summary(event) + " cannot recur: ")
                        + CalendarWords.of(e));
            }
        }

        /** A rule runplan refuses (every second or minute, an unknown part) or reads past (an X- part) with a warning. */
        private void checkRule(Recur<?> recur, Event event, int line) {
            if (recur.getFrequency() == Frequency.SECONDLY || recur.getFrequency() == Frequency.MINUTELY) {
                // ical4j counts such a rule from its first occurrence on, which can take minutes; nobody is busy so
                throw new CalendarFormatException(line, "the event" + summary(event) + " repeats every "
                        + (recur.getFrequency() == Frequency.SECONDLY ? "second" : "minute")
                        + " (RRULE FREQ=" + recur.getFrequency() + "); that is not busy time of a person");
            }
            for (Map.Entry<String, String> part : recur.getExperimentalValues().entrySet()) {
                if (part.getKey().toUpperCase(Locale.ROOT).startsWith("X-")) {
                    // Evolution writes X-EVOLUTION-ENDDATE, a copy of where the rule ends
                    warnings.add(new CalendarWarning(line, "RRULE part " + part.getKey() + "=" + part.getValue()
                            + " is an extension runplan does not know; skipped"));
                } else {
                    throw new CalendarFormatException(line, "RRULE part " + part.getKey() + "=" + part.getValue()
                            + ": '" + part.getKey() + "' is not a part of a recurrence rule (RFC 5545 3.3.10); fix that line, "
                            + "it decides when this event is busy");
                }
            }
        }

        /** A day before the horizon, less one occurrence's length and the margin, in the seed's own kind of time. */
        private Temporal lowerBound(Temporal seed, TemporalAmount length, Duration margin) {
            LocalDateTime local = horizonStart.minusDays(1).minus(margin);
            Temporal bound = inKindOf(seed, local);
            return seed instanceof LocalDate ? ((LocalDate) bound).minus(length instanceof Period p ? p : Period.ZERO)
                    : bound.minus(length);
        }

        private Temporal upperBound(Temporal seed, Duration margin) {
            return inKindOf(seed, horizonEnd.plusDays(1).plus(margin));
        }

        // -------------------------------------------------------------- free/busy

        private void freeBusy() {
            for (Calendar calendar : parsed.calendars()) {
                for (VFreeBusy component : calendar.<VFreeBusy>getComponents(Component.VFREEBUSY)) {
                    int line = parsed.lineOf(component);
                    try {
                        freeBusyPeriods(component, line);
                    } catch (CalendarFormatException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw new CalendarFormatException(line, "cannot read these free/busy periods: " + CalendarWords.of(e));
                    }
                }
            }
        }

        private void freeBusyPeriods(VFreeBusy component, int line) {
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
                    add(interval.getStart(), interval.getEnd(), label, line);
                }
            }
        }

        private void add(Temporal start, Temporal end, String label, int line) {
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

    private static boolean isZero(TemporalAmount amount) {
        return amount instanceof Duration d ? d.isZero() || d.isNegative() : ((Period) amount).isZero() || ((Period) amount).isNegative();
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

    /** The day of a time in its own zone (a UTC time: in UTC). */
    private static LocalDate dayOf(Temporal time) {
        if (time instanceof Instant instant) {
            return LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
        }
        return LocalDate.from(time);
    }

    /** Orders two starts of one series: dates by day, times by the instant (floating times as they are). */
    private static int compare(Temporal a, Temporal b) {
        if (a instanceof LocalDate || b instanceof LocalDate) {
            return dayOf(a).compareTo(dayOf(b));
        }
        if (a instanceof LocalDateTime || b instanceof LocalDateTime) {
            return wallClock(a).compareTo(wallClock(b));
        }
        return Instant.from(a).compareTo(Instant.from(b));
    }

    private static LocalDateTime wallClock(Temporal time) {
        return time instanceof Instant instant ? LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC) : LocalDateTime.from(time);
    }

    /** {@code time} moved by {@code shift} on its own wall clock (whole days for a date), as a THISANDFUTURE override moves it. */
    private static Temporal shifted(Temporal time, Duration shift) {
        if (time instanceof LocalDate date) {
            return date.plusDays(shift.toDays());
        } else if (time instanceof ZonedDateTime zoned) {
            return ZonedDateTime.of(zoned.toLocalDateTime().plus(shift), zoned.getZone());
        }
        return time.plus(shift);
    }

    /** A time as the plan's wall clock, for comparing a RECURRENCE-ID with the start that overrides it. */
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

    /** Busy time covers a partly used minute: starts round down, ends round up. */
    private static LocalDateTime atMinute(LocalDateTime time, boolean roundUp) {
        LocalDateTime minute = time.truncatedTo(ChronoUnit.MINUTES);
        return roundUp && minute.isBefore(time) ? minute.plusMinutes(1) : minute;
    }
}
