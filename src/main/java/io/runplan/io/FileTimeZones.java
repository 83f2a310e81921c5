package io.runplan.io;

import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.ZoneRulesProviderImpl;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The time zones of one calendar file for ical4j to read its times with: each VTIMEZONE of the file, with rules made
 * from every change it lists (DTSTART, RDATE and RRULE of each STANDARD and DAYLIGHT) up to a given date; any other
 * name as ical4j resolves it (an IANA id, or a Windows name of tz.alias).
 *
 * <p>Why not ical4j's own registry: in ical4j 4.2.3 a VTIMEZONE's rules list its changes only up to today and carry
 * on from there with the part in force today, so a zone whose changes are RDATEs (no RRULE) is an hour off from the
 * first change after today on, and a file reads differently depending on the day it is read.
 */
final class FileTimeZones implements TimeZoneRegistry {

    /** Past this many changes up to the date the rules must cover, a VTIMEZONE is no place's clock. */
    private static final int MAX_CHANGES = 20_000;

    private final TimeZoneRegistry names = TimeZoneRegistryFactory.getInstance().createRegistry();
    private final LocalDateTime until;
    private final Map<String, TimeZone> zones = new HashMap<>();
    private final Map<String, String> globalIds = new HashMap<>();
    private final Map<String, ZoneRules> rules = new HashMap<>();
    private final Map<String, String> unreadable = new LinkedHashMap<>();
    private final Map<String, Instant> firstChanges = new HashMap<>();

    /** Rules cover every change up to {@code until}; later times keep the offset of the last change before it. */
    FileTimeZones(LocalDateTime until) {
        this.until = until;
    }

    @Override
    public void register(TimeZone timezone) {
        register(timezone, false);
    }

    /**
     * Adds a VTIMEZONE of the file; throws {@link IllegalArgumentException} saying why, in words, when its changes
     * cannot be read (then a time that names it is refused, see {@link #unreadable}).
     */
    @Override
    public void register(TimeZone timezone, boolean update) {
        String id = timezone.getID();
        ZoneRules zoneRules;
        String globalId = globalIds.get(id);
        try {
            zoneRules = rules(id, timezone.getVTimeZone());
            if (globalId == null) {
                // ical4j hands java.time a zone id of its own for each file zone and asks this registry for its rules
                globalId = allocate();
                globalIds.put(id, globalId);
            }
        } catch (RuntimeException e) {
            String why = e instanceof IllegalArgumentException && e.getCause() == null ? e.getMessage() : CalendarWords.of(e);
            unreadable.put(id, why);
            throw new IllegalArgumentException(why, e);
        }
        zones.put(id, timezone);
        rules.put(globalId, zoneRules);
        unreadable.remove(id);
    }

    /**
     * Takes a TZID the file names without its VTIMEZONE as {@code zone}, with java.time's rules: else ical4j reads it
     * in a zone built from its own bundled definitions, with the flaw above (Brisbane, Perth and Johannesburg an hour
     * off, say), or not at all ("/freeassociation.sourceforge.net/Europe/Berlin").
     */
    void adopt(String tzId, ZoneId zone) {
        String globalId = allocate();
        globalIds.put(tzId, globalId);
        rules.put(globalId, zone.getRules());
    }

    /** A zone id of ical4j's pool (1,500, each back when its file's registry is collected) for java.time to ask here. */
    private String allocate() {
        String globalId = ZoneRulesProviderImpl.INSTANCE.getZoneIdPool().allocate(this);
        if (globalId == null) {
            throw new IllegalArgumentException("more time zones are in use than ical4j can hold at once");
        }
        return globalId;
    }

    /** The offsets of {@code zone}: each change in time order, from the offset before the first. */
    private ZoneRules rules(String id, VTimeZone zone) {
        record Change(Instant at, ZoneOffset to) {
        }
        List<Change> changes = new ArrayList<>();
        ZoneOffset first = null;
        Instant firstAt = null;
        for (Observance observance : zone.getObservances()) {
            ZoneOffset to = observance.<TzOffsetTo>getProperty(Property.TZOFFSETTO)
                    .orElseThrow(() -> new IllegalArgumentException("a " + observance.getName() + " without TZOFFSETTO"))
                    .getOffset();
            ZoneOffset from = observance.<TzOffsetFrom>getProperty(Property.TZOFFSETFROM).map(TzOffsetFrom::getOffset).orElse(to);
            Temporal dtStart = observance.<DateProperty<?>>getProperty(Property.DTSTART)
                    .orElseThrow(() -> new IllegalArgumentException("a " + observance.getName() + " without DTSTART"))
                    .getDate();
            LocalDateTime start = local(dtStart, from);
            List<LocalDateTime> onsets = new ArrayList<>();
            onsets.add(start);
            if (!start.isAfter(until)) {
                // ical4j's recurrence set of an observance: its DTSTART, RDATEs and RRULE occurrences in the period
                for (Period<?> onset : observance.calculateRecurrenceSet(new Period<>(start, until))) {
                    onsets.add(local(onset.getStart(), from));
                    if (onsets.size() > MAX_CHANGES) {
                        throw new IllegalArgumentException("it changes more than " + MAX_CHANGES + " times");
                    }
                }
            }
            for (LocalDateTime onset : onsets) {
                Instant at = onset.toInstant(from);
                changes.add(new Change(at, to));
                if (firstAt == null || at.isBefore(firstAt)) {
                    firstAt = at;
                    first = from;
                }
            }
        }
        if (first == null) {
            throw new IllegalArgumentException("it has neither STANDARD nor DAYLIGHT");
        }
        changes.sort(Comparator.comparing(Change::at));
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffset current = first;
        Instant last = null;
        for (Change change : changes) {
            if (!change.to().equals(current) && !change.at().equals(last)) {
                transitions.add(ZoneOffsetTransition.of(LocalDateTime.ofInstant(change.at(), current), current, change.to()));
                current = change.to();
                last = change.at();
            }
        }
        if (!transitions.isEmpty()) {
            firstChanges.put(id, firstAt);
        }
        return ZoneRules.of(first, first, List.of(), transitions, List.of());
    }

    /** An onset as local time: as written, or (from a writer that gave it in UTC) in the offset before it. */
    private static LocalDateTime local(Temporal time, ZoneOffset before) {
        if (time instanceof LocalDateTime local) {
            return local;
        } else if (time instanceof java.time.LocalDate date) {
            return date.atStartOfDay(); // Evolution writes a change of a zone that never changes as a date
        } else if (time instanceof ZonedDateTime zoned) {
            return zoned.toLocalDateTime();
        } else if (time instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(before).toLocalDateTime();
        } else if (time instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, before);
        }
        return LocalDateTime.from(time);
    }

    /** Whether the file has a VTIMEZONE of this TZID (readable or not). */
    boolean defines(String tzId) {
        return zones.containsKey(tzId) || unreadable.containsKey(tzId);
    }

    /** TZID to why it cannot be read, for the VTIMEZONEs of the file whose changes cannot be read. */
    Map<String, String> unreadable() {
        return unreadable;
    }

    /**
     * When the file's VTIMEZONE of this TZID lists its first change, if it changes at all: before it runplan takes
     * the offset that change names as the one before it (TZOFFSETFROM, as RFC 5545 defines it, and as libical does).
     */
    Optional<Instant> firstChange(String tzId) {
        return Optional.ofNullable(firstChanges.get(tzId));
    }

    /**
     * The zone a TZID names: the file's VTIMEZONE of that TZID, else the IANA zone of that name or of the Windows
     * name (tz.alias) with java.time's rules; throws if none, or if the file's VTIMEZONE cannot be read.
     */
    ZoneId zoneOf(String tzId) {
        if (zones.containsKey(tzId) || unreadable.containsKey(tzId)) {
            return getZoneId(tzId);
        }
        try {
            return ZoneId.of(tzId, ZONE_ALIASES);
        } catch (DateTimeException e) {
            return ianaSuffix(tzId).map(ZoneId::of).orElseThrow(() -> e);
        }
    }

    /**
     * The IANA zone at the end of a globally unique TZID without its VTIMEZONE, as libical and Evolution write
     * them ("/freeassociation.sourceforge.net/Europe/Berlin"), the way ical4j's relaxed parsing reads them.
     */
    static Optional<String> ianaSuffix(String tzId) {
        if (!tzId.contains("/")) {
            return Optional.empty();
        }
        String[] parts = tzId.split("/");
        for (int from = 1; from < parts.length - 1; from++) {
            String suffix = String.join("/", java.util.Arrays.copyOfRange(parts, from, parts.length));
            if (ZoneId.getAvailableZoneIds().contains(suffix)) {
                return Optional.of(suffix);
            }
        }
        return Optional.empty();
    }

    @Override
    public void clear() {
        zones.clear();
        rules.clear();
        globalIds.clear();
    }

    @Override
    public TimeZone getTimeZone(String id) {
        TimeZone zone = zones.get(id);
        return zone != null ? zone : names.getTimeZone(id);
    }

    @Override
    public Map<String, ZoneRules> getZoneRules() {
        return rules;
    }

    @Override
    public ZoneId getZoneId(String tzId) {
        String why = unreadable.get(tzId);
        if (why != null) {
            // not a DateTimeException: ical4j would take that as "not a file zone" and look for an IANA zone instead
            throw new IllegalStateException("its VTIMEZONE cannot be read: " + why);
        }
        String globalId = globalIds.get(tzId);
        if (globalId == null) {
            throw new DateTimeException("Unknown timezone identifier [" + tzId + "]");
        }
        return ZoneId.of(globalId);
    }

    @Override
    public String getTzId(String zoneId) {
        return globalIds.entrySet().stream().filter(e -> e.getValue().equals(zoneId)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }
}
