package io.runplan.calendar;

import io.runplan.domain.Athlete;
import io.runplan.domain.Coach;
import io.runplan.domain.Minutes;
import io.runplan.domain.Session;
import io.runplan.domain.TrainingPlan;
import io.runplan.io.AtomicFile;
import io.runplan.report.SessionExplanation;
import io.runplan.solver.PlanReport;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a plan as iCalendar files (RFC 5545, with ical4j) to put it back into the calendars people keep: per athlete
 * one event per scheduled session ({@code athlete-ID.ics}: what, how long, where, with whom, and in the description
 * why it is there), the same times as plain "Training" blocks for a work calendar ({@code athlete-ID-busy.ics}), and
 * per coach one event per group she leads ({@code coach-ID.ics}).
 *
 * <p>Each event's UID is made of the session id and the horizon's first day, so a re-plan of the same week (same
 * ids) updates the events a calendar app imported before instead of adding copies, and next week's plan, even with
 * the same session ids, adds new ones. Times carry the plan's "timeZone" (with its VTIMEZONE), or are floating local
 * times when the plan names none, as the plan's own times are.
 */
public final class CalendarExport {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String PRODUCT = "-//runplan//runplan 0.1//EN";

    private final TrainingPlan plan;
    private final SessionExplanation explanation;
    private final ZoneId timeZone;
    private final TimeZone vTimeZone;
    private final Instant stamp;
    private final String week;

    /**
     * @param timeZone the plan's "timeZone", or null for floating local times
     * @param stamp    when the calendars are made (DTSTAMP)
     */
    public CalendarExport(TrainingPlan plan, PlanReport report, ZoneId timeZone, Instant stamp) {
        this.plan = plan;
        this.explanation = new SessionExplanation(plan, report);
        this.timeZone = timeZone;
        this.vTimeZone = timeZone == null ? null : vTimeZone(timeZone);
        this.stamp = stamp;
        this.week = plan.getHorizon().start().format(BASIC_DATE);
    }

    /** ical4j's definition of a named zone, or null for one it has none of (a fixed offset such as "+02:00"). */
    private static TimeZone vTimeZone(ZoneId zone) {
        if (zone instanceof ZoneOffset) {
            return null;
        }
        try {
            return TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(zone.getId());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** File name to calendar: per athlete her sessions and her busy-only copy, then per coach her groups. */
    public Map<String, Calendar> calendars() {
        Map<String, Calendar> calendars = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (Athlete athlete : plan.getAthletes()) {
            String stem = fileStem("athlete-", athlete.id(), names);
            calendars.put(stem + ".ics", athleteCalendar(athlete));
            calendars.put(stem + "-busy.ics", busyCalendar(athlete));
        }
        for (Coach coach : plan.getCoaches()) {
            calendars.put(fileStem("coach-", coach.id(), names) + ".ics", coachCalendar(coach));
        }
        return calendars;
    }

    /**
     * Writes every calendar into {@code directory}, each file whole or not at all, all made before the first is
     * written; returns the files written.
     */
    public List<Path> write(Path directory) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        calendars().forEach((name, calendar) -> files.put(directory.resolve(name), text(calendar).getBytes(StandardCharsets.UTF_8)));
        files.forEach((target, bytes) -> AtomicFile.write(target, stream -> stream.write(bytes)));
        return List.copyOf(files.keySet());
    }

    /** The calendar as iCalendar text (CRLF lines, folded at 75 octets). */
    public static String text(Calendar calendar) {
        StringWriter writer = new StringWriter();
        try {
            output(calendar, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toString();
    }

    private static void output(Calendar calendar, Writer writer) throws IOException {
        // runplan's own events need no validation; ical4j's validator also rejects fields calendar apps rely on
        new CalendarOutputter(false).output(calendar, writer);
    }

    private Calendar athleteCalendar(Athlete athlete) {
        Calendar calendar = newCalendar("Training: " + athlete.name());
        for (Session session : scheduled(plan.sessionsOf(athlete))) {
            VEvent event = event(session.getStart(), session.getEnd(), uid(session.getId(), ""));
            event.add(new Summary(explanation.summary(session)));
            event.add(new Location(session.getLocation()));
            event.add(new Description(explanation.describe(session)));
            event.add(new Categories("Training," + session.getType().title()));
            calendar.add(event);
        }
        return calendar;
    }

    private Calendar busyCalendar(Athlete athlete) {
        Calendar calendar = newCalendar("Training (busy): " + athlete.name());
        for (Session session : scheduled(plan.sessionsOf(athlete))) {
            VEvent event = event(session.getStart(), session.getEnd(), uid(session.getId(), "-busy"));
            event.add(new Summary("Training"));
            calendar.add(event);
        }
        return calendar;
    }

    private Calendar coachCalendar(Coach coach) {
        Calendar calendar = newCalendar("Coaching: " + coach.id());
        Set<Session> done = new HashSet<>();
        List<Session> coached = scheduled(plan.getSessions().stream().filter(s -> s.getCoach() == coach).toList());
        for (Session session : coached) {
            if (done.contains(session)) {
                continue;
            }
            List<Session> group = explanation.group(session);
            done.addAll(group);
            Session first = group.get(0);
            VEvent event = event(first.getStart(), first.getEnd(), uid(coach.id() + "-" + first.getId(), "-group"));
            List<String> athletes = group.stream().map(s -> s.getAthlete().name()).toList();
            String where = first.where();
            event.add(new Summary("Lead " + first.getType().title().toLowerCase(Locale.ROOT)
                    + ", " + Minutes.duration(first.getMinutes()) + (where.isEmpty() ? "" : " " + where)
                    + ": " + String.join(", ", athletes)));
            event.add(new Location(first.getLocation()));
            List<String> lines = new ArrayList<>();
            lines.add("Group of " + group.size() + " (capacity " + coach.groupCapacity() + "):");
            group.forEach(s -> lines.add("- " + s.getAthlete().name() + " (" + s.getId() + ")"));
            group.stream().flatMap(s -> explanation.broken(s).stream()).distinct()
                    .forEach(line -> lines.add("BREAKS A RULE: " + line));
            event.add(new Description(String.join("\n", lines)));
            event.add(new Categories("Coaching," + first.getType().title()));
            calendar.add(event);
        }
        return calendar;
    }

    private Calendar newCalendar(String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        if (vTimeZone != null) {
            calendar.add(new XProperty("X-WR-TIMEZONE", timeZone.getId()));
            calendar.add(vTimeZone.getVTimeZone());
        }
        return calendar;
    }

    private VEvent event(int start, int end, String uid) {
        VEvent event = new VEvent(false);
        event.add(new Uid(uid));
        event.add(new DtStamp(stamp));
        event.add(new DtStart<>(time(start)));
        event.add(new DtEnd<>(time(end)));
        event.add(ImmutableStatus.VEVENT_CONFIRMED);
        event.add(ImmutableTransp.OPAQUE);
        return event;
    }

    /** A plan minute as the calendar writes it: in the plan's zone, in UTC for a zone ical4j has no rules for, or floating. */
    private Temporal time(int absoluteMinute) {
        LocalDateTime local = plan.getHorizon().toDateTime(absoluteMinute);
        if (timeZone == null) {
            return local;
        }
        if (vTimeZone == null) {
            return local.atZone(timeZone).toInstant().atOffset(ZoneOffset.UTC);
        }
        return local.atZone(timeZone);
    }

    /** "ana-track-20261123@runplan": stable across re-plans of the week, distinct from other weeks. */
    private String uid(String id, String suffix) {
        return safe(id) + "-" + week + suffix + "@runplan";
    }

    private static String fileStem(String prefix, String id, Set<String> taken) {
        String stem = prefix + safe(id);
        String unique = stem;
        for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
            unique = stem + "-" + n;
        }
        return unique;
    }

    /** Ids are free text; in a UID or a file name they keep only safe characters and, if changed, a short hash. */
    private static String safe(String id) {
        if (SAFE.matcher(id).matches()) {
            return id;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return id.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Session> scheduled(List<Session> sessions) {
        return sessions.stream().filter(Session::isScheduled)
                .sorted(Comparator.comparingInt(Session::getStart).thenComparing(Session::getId)).toList();
    }
}
