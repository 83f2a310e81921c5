package io.runplan.io;

import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.DefaultContentHandler;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.data.UnfoldingReader;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.util.Constants;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of a calendar file with ical4j: every VCALENDAR in it, each component and property with the line it
 * starts on (ical4j's model keeps none). Where a fault cannot change busy time it reads on and warns: blank lines, a
 * property runplan does not need that ical4j cannot read (left out), an empty RRULE, RDATE or EXDATE (nothing to
 * repeat), a TZID with spaces around it, a DTSTAMP or CREATED not in UTC. A fault in a property that decides busy time
 * is refused naming its line.
 */
final class CalendarParse {

    /** The properties of a VEVENT that decide when it is busy; a fault in any other is read past. */
    private static final Set<String> EVENT_TIMES = Set.of(Property.DTSTART, Property.DTEND, Property.DURATION,
            Property.RRULE, Property.RDATE, Property.EXDATE, Property.EXRULE, Property.RECURRENCE_ID, Property.STATUS,
            Property.TRANSP, Property.UID, Property.SEQUENCE);
    /** The properties of a VTIMEZONE (and its STANDARD and DAYLIGHT) that decide its offsets. */
    private static final Set<String> ZONE_TIMES = Set.of(Property.TZID, Property.DTSTART, Property.TZOFFSETFROM,
            Property.TZOFFSETTO, Property.RRULE, Property.RDATE);
    private static final Set<String> DATE_LISTS = Set.of(Property.RRULE, Property.RDATE, Property.EXDATE, Property.EXRULE);
    /** Properties runplan never reads, so not even parsed: a malformed attendee cannot stop a calendar. */
    private static final Set<String> NOT_READ = Set.of(Property.ATTENDEE, Property.ORGANIZER);
    private static final Set<String> DATED = Set.of(Property.DTSTART, Property.DTEND, Property.RDATE, Property.EXDATE,
            Property.RECURRENCE_ID);
    private static final Pattern DATE_IN_UTC = Pattern.compile("\\d{8}[Zz](,\\d{8}[Zz])*");
    private static final Set<String> STAMPS = Set.of(Property.DTSTAMP, Property.CREATED, Property.LAST_MODIFIED);
    private static final Map<String, String> KINDS = Map.of(Component.VEVENT, "event", Component.VFREEBUSY,
            "free/busy entry", Component.VTIMEZONE, "time zone's events");
    private static final Pattern TOKENS = Pattern.compile("Expected \\[(-?\\d+)], read \\[(-?\\d+)]");

    /** The calendars of one file, where each of their top-level components and properties starts, and the TZIDs its busy time names. */
    record Parsed(List<Calendar> calendars, Map<Object, Integer> lines, Map<String, Integer> tzIds) {

        /** The line a component or property (as ical4j built it) starts on, 0 when unknown. */
        int lineOf(Object part) {
            return lines.getOrDefault(part, 0);
        }
    }

    /** A content line after unfolding: the physical line it starts on, and its text. */
    private record ContentLine(int line, String text) {
    }

    private CalendarParse() {
    }

    /** Past this many lines ical4j cannot parse, a file is no calendar that was merely written carelessly. */
    private static final int MAX_SKIPPED_LINES = 50;

    /** Parses {@code text}; zones of the file go into {@code zones}, what was read past into {@code warnings}. */
    static Parsed parse(String text, FileTimeZones zones, List<CalendarWarning> warnings) {
        List<ContentLine> lines = contentLines(text, warnings);
        List<CalendarWarning> skipped = new ArrayList<>();
        for (int attempt = 0; ; attempt++) {
            List<Calendar> calendars = new ArrayList<>();
            List<CalendarWarning> handlerWarnings = new ArrayList<>();
            Handler handler = new Handler(calendars::add, zones, lines, handlerWarnings);
            // ical4j reads the content lines as unfolded here, one to a line, so its line n is lines.get(n - 1)
            StringBuilder unfolded = new StringBuilder();
            lines.forEach(line -> unfolded.append(line.text()).append("\r\n"));
            try {
                new CalendarParserImpl().parse(new UnfoldingReader(new StringReader(unfolded.toString()), true), handler);
            } catch (ParserException e) {
                if (e.getCause() instanceof CalendarFormatException problem) {
                    throw problem;
                }
                int index = e.getLineNo() - 1;
                if (index >= 0 && index < lines.size() && attempt < MAX_SKIPPED_LINES && canSkip(lines, index)) {
                    // a line ical4j cannot parse that runplan needs nothing from (an X-APPLE-STRUCTURED-LOCATION
                    // with a broken parameter, a server's note after END:VCALENDAR): read again without it
                    ContentLine line = lines.get(index);
                    String problem = index > 0 && lines.get(index - 1).text().toUpperCase(Locale.ROOT).startsWith("END:VCALENDAR")
                            ? "text after END:VCALENDAR" : parseProblem(e);
                    skipped.add(new CalendarWarning(line.line(), "cannot read this line (" + problem + "); "
                            + "skipped, runplan does not need it for busy time" + quote(text, line.line())));
                    lines = new ArrayList<>(lines);
                    lines.remove(index);
                    continue;
                }
                int line = index >= 0 && index < lines.size() ? lines.get(index).line()
                        : lines.isEmpty() ? 0 : lines.get(lines.size() - 1).line();
                throw new CalendarFormatException(line, "not valid iCalendar: " + parseProblem(e) + quote(text, line));
            } catch (IOException | RuntimeException e) {
                throw new CalendarFormatException(0, "not valid iCalendar: " + CalendarWords.of(e));
            }
            if (calendars.isEmpty()) {
                throw new CalendarFormatException(0, "no VCALENDAR in the file; an iCalendar file starts with BEGIN:VCALENDAR");
            }
            warnings.addAll(skipped);
            warnings.addAll(handlerWarnings);
            return new Parsed(calendars, handler.partLines, handler.tzIds);
        }
    }

    /** Whether the content line at {@code index} is a property that no busy time hangs on, in or after a calendar. */
    private static boolean canSkip(List<ContentLine> lines, int index) {
        Deque<String> open = new ArrayDeque<>();
        boolean inCalendar = false;
        for (int i = 0; i < index; i++) {
            String upper = lines.get(i).text().toUpperCase(Locale.ROOT);
            if (upper.startsWith("BEGIN:VCALENDAR")) {
                inCalendar = true;
                open.clear();
            } else if (upper.startsWith("BEGIN:")) {
                open.push(upper.substring("BEGIN:".length()).strip());
            } else if (upper.startsWith("END:")) {
                open.poll();
            }
        }
        String upper = lines.get(index).text().toUpperCase(Locale.ROOT);
        if (!inCalendar || upper.startsWith("BEGIN:") || upper.startsWith("END:")) {
            return false;
        }
        return !bearsOnBusyTime(upper.split("[;:]", 2)[0].strip(), open);
    }

    /**
     * The file's content lines, folded lines joined (RFC 5545 3.1, and with a bare LF as many exporters fold). Left
     * out with a warning: blank lines, and a line runplan needs nothing from whose quotes do not close (ical4j's
     * tokenizer would lose the rest of the file in it).
     */
    private static List<ContentLine> contentLines(String text, List<CalendarWarning> warnings) {
        String[] physical = text.split("\r\n|\r|\n", -1);
        List<ContentLine> lines = new ArrayList<>();
        List<Integer> blank = new ArrayList<>();
        boolean afterBlank = false;
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            if (line.isEmpty()) {
                if (!lines.isEmpty()) {
                    blank.add(i + 1);
                }
                afterBlank = true;
            } else if (!lines.isEmpty() && !afterBlank && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                ContentLine last = lines.remove(lines.size() - 1);
                lines.add(new ContentLine(last.line(), last.text() + line.substring(1)));
            } else {
                if (!blank.isEmpty() && afterBlank) {
                    // only blank lines between content lines count: one at the end of the file is harmless
                    warnings.add(blankLines(blank));
                    blank.clear();
                }
                lines.add(new ContentLine(i + 1, line));
                afterBlank = false;
            }
        }
        return withoutOpenQuotes(lines, warnings);
    }

    private static List<ContentLine> withoutOpenQuotes(List<ContentLine> lines, List<CalendarWarning> warnings) {
        List<ContentLine> kept = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        for (ContentLine line : lines) {
            String upper = line.text().toUpperCase(Locale.ROOT);
            if (upper.startsWith("BEGIN:VCALENDAR") || upper.startsWith("END:VCALENDAR")) {
                open.clear(); // the handler's components, like these, are those inside a VCALENDAR
            } else if (upper.startsWith("BEGIN:")) {
                open.push(upper.substring("BEGIN:".length()).strip());
            } else if (upper.startsWith("END:")) {
                open.poll();
            } else {
                String name = upper.split("[;:]", 2)[0].strip();
                int colon = valueStart(line.text());
                if (colon < 0 || colon == line.text().length()) {
                    String given = line.text().split("[;:]", 2)[0].strip();
                    String fault = given + (colon < 0 ? " has a quote that does not close" : " has no ':' before its value");
                    if (bearsOnBusyTime(name, open)) {
                        throw new CalendarFormatException(line.line(), fault + "; runplan needs it for busy time, so fix "
                                + "that line" + quote(line.text()));
                    }
                    warnings.add(new CalendarWarning(line.line(), fault + "; skipped, runplan does not need it for busy "
                            + "time" + quote(line.text())));
                    continue;
                }
            }
            kept.add(line);
        }
        return kept;
    }

    /** Where the value of a content line starts (after the first ':' outside quotes), or -1 if a quote never closes. */
    private static int valueStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return quoted ? -1 : line.length();
    }

    private static CalendarWarning blankLines(List<Integer> blank) {
        return new CalendarWarning(blank.get(0), blank.size() == 1 ? "a blank line (RFC 5545 has none); skipped"
                : blank.size() + " blank lines (RFC 5545 has none; the last at line " + blank.get(blank.size() - 1) + "); skipped");
    }

    /**
     * Whether a property decides busy time: the times of an event (not of its alarms), free/busy periods, the offsets
     * of a time zone. {@code open} lists the components it is in, innermost first.
     */
    private static boolean bearsOnBusyTime(String property, java.util.Collection<String> open) {
        if (open.isEmpty() || open.contains(Component.VALARM)) {
            return false;
        }
        String outermost = open instanceof Deque<String> deque ? deque.peekLast() : List.copyOf(open).get(open.size() - 1);
        return switch (outermost) {
            case Component.VEVENT -> EVENT_TIMES.contains(property);
            case Component.VFREEBUSY -> property.equals(Property.FREEBUSY);
            case Component.VTIMEZONE -> ZONE_TIMES.contains(property);
            default -> false;
        };
    }

    /** ical4j's parser speaks in tokenizer codes; a user needs what was expected and what was found. */
    private static String parseProblem(ParserException e) {
        String message = String.valueOf(e.getMessage()).replaceFirst("^Error at line \\d+:", "").strip();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && cause != e) {
            return CalendarWords.of(cause);
        }
        Matcher tokens = TOKENS.matcher(message);
        if (tokens.matches()) {
            return "expected " + token(Integer.parseInt(tokens.group(1))) + ", found " + token(Integer.parseInt(tokens.group(2)));
        }
        if (message.startsWith("Expected [")) {
            return message.replaceFirst("Expected \\[(.*)], read \\[(.*)]", "expected the component $1 here, found $2");
        }
        if (message.equals("Invalid property name") && e.getLineNo() > 0) {
            return "a line without a property name (one starting with ':' or ';')";
        }
        if (message.contains("Unexpected end of file")) {
            return "the file ends inside a component (a BEGIN without its END)";
        }
        return message.isEmpty() ? "it cannot be read" : CalendarWords.of(e);
    }

    private static String token(int code) {
        return switch (code) {
            case -3 -> "a name";
            case -1 -> "the end of the file";
            case 10, 13 -> "the end of the line";
            default -> "'" + (char) code + "'";
        };
    }

    /** ' in "SUMMARY=testevent"', a content line to show with a problem on it. */
    private static String quote(String line) {
        String content = line.replaceAll("\\p{Cntrl}", " ").strip();
        return " in \"" + (content.length() > 60 ? content.substring(0, 60) + "..." : content) + "\"";
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

    /** ical4j's handler that builds the calendars, keeping lines and reading past faults that cannot change busy time. */
    private static final class Handler extends DefaultContentHandler {

        /** A component being read: its name and the line of its BEGIN. */
        private record Open(String name, int line) {
        }

        private final List<ContentLine> lines;
        private final List<CalendarWarning> warnings;
        private final Map<Object, Integer> partLines = new IdentityHashMap<>();
        private final Map<String, Integer> tzIds = new LinkedHashMap<>();
        private final Deque<Open> open = new ArrayDeque<>();
        private int next;
        private int propertyLine;
        private String propertyName;
        private String propertyValue;
        private boolean leftOut;

        Handler(java.util.function.Consumer<Calendar> calendars, FileTimeZones zones, List<ContentLine> lines,
                List<CalendarWarning> warnings) {
            super(calendars, zones);
            this.lines = lines;
            this.warnings = warnings;
        }

        /** The line of what the parser reads next: ical4j reports each content line in turn, in file order. */
        private int advance(String start) {
            for (int i = next; i < lines.size() && i < next + 4; i++) {
                if (lines.get(i).text().regionMatches(true, 0, start, 0, start.length())) {
                    next = i + 1;
                    return lines.get(i).line();
                }
            }
            return next < lines.size() ? lines.get(next++).line() : 0;
        }

        @Override
        public void startCalendar() {
            advance("BEGIN");
            open.clear();
            super.startCalendar();
        }

        @Override
        public void endCalendar() {
            advance("END");
            super.endCalendar();
        }

        @Override
        public void startComponent(String name) {
            open.push(new Open(name.toUpperCase(Locale.ROOT), advance("BEGIN")));
            super.startComponent(name);
        }

        @Override
        public void endComponent(String name) {
            advance("END");
            Open component = open.pop();
            boolean topLevel = open.isEmpty();
            int before = calendarComponents.size();
            try {
                super.endComponent(name);
            } catch (RuntimeException e) {
                if (component.name().equals(Component.VTIMEZONE) && calendarComponents.size() > before) {
                    // built, but its zone cannot be registered: refused where a time names it, else only a warning
                    partLines.put(calendarComponents.get(calendarComponents.size() - 1), component.line());
                    return;
                }
                if (topLevel && Set.of(Component.VEVENT, Component.VFREEBUSY).contains(component.name())) {
                    throw new CalendarFormatException(component.line(), "cannot read this " + component.name() + ": "
                            + CalendarWords.of(e));
                }
                warnings.add(new CalendarWarning(component.line(), "this " + component.name() + " cannot be read ("
                        + CalendarWords.of(e) + "); left out, runplan needs nothing from it for busy time"));
                return;
            }
            if (topLevel && calendarComponents.size() > before) {
                partLines.put(calendarComponents.get(calendarComponents.size() - 1), component.line());
            }
        }

        @Override
        public void startProperty(String name) {
            propertyName = name.toUpperCase(Locale.ROOT);
            propertyLine = advance(name);
            propertyValue = null;
            leftOut = NOT_READ.contains(propertyName);
            super.startProperty(name);
        }

        @Override
        public void parameter(String name, String value) {
            if (leftOut) {
                return;
            }
            String given = value;
            if (name.equalsIgnoreCase("TZID")) {
                String unquoted = value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
                given = unquoted.strip();
                if (!given.equals(unquoted)) {
                    warn("TZID \"" + unquoted + "\" has spaces around it; read as \"" + given + "\"");
                }
                if (bearsOnBusyTime() && !open.isEmpty() && !open.peekLast().name().equals(Component.VTIMEZONE)) {
                    tzIds.putIfAbsent(given, propertyLine);
                }
            }
            try {
                super.parameter(name, given);
            } catch (RuntimeException e) {
                fault(name + "=" + value, e);
            }
        }

        @Override
        public void propertyValue(String value) {
            if (leftOut) {
                return;
            }
            propertyValue = value;
            if (propertyName.equals(Property.TZID) && !value.equals(value.strip())) {
                warn("TZID \"" + value + "\" has spaces around it; read as \"" + value.strip() + "\"");
                propertyValue = value.strip();
            } else if (value.isBlank() && DATE_LISTS.contains(propertyName)) {
                warn("an empty " + propertyName + " (nothing to repeat or leave out); skipped");
                leftOut = true;
                return;
            } else if (DATED.contains(propertyName) && DATE_IN_UTC.matcher(value.strip()).matches()) {
                // Google's birthday calendar writes RDATE:20131210Z; Z marks a time in UTC, a date has no time
                propertyValue = value.strip().replace("Z", "").replace("z", "");
                warn(propertyName + " '" + value.strip() + "' is a date with a Z, which only times have; read as the date "
                        + propertyValue);
            } else if (STAMPS.contains(propertyName) && value.length() > 8 && !value.strip().toUpperCase(Locale.ROOT).endsWith("Z")) {
                warn(propertyName + " " + value.strip() + " is not in UTC (RFC 5545 wants a Z at the end); runplan does "
                        + "not use it");
            }
            super.propertyValue(propertyValue);
        }

        @Override
        public void endProperty(String name) {
            if (leftOut) {
                propertyBuilder = null;
                return;
            }
            Property property;
            try {
                property = propertyBuilder.build();
            } catch (RuntimeException e) {
                fault(propertyValue, e);
                return;
            }
            // as ical4j's own handler does (a constant for a common value), keeping the line of each other property
            Property kept = Constants.forProperty(property);
            if (kept == property) {
                partLines.put(property, propertyLine);
            }
            if (getComponentBuilder() != null) {
                getComponentBuilder().property(kept);
            } else if (calendarProperties != null) {
                calendarProperties.add(kept);
            }
        }

        /** A property ical4j cannot read: refused if it decides busy time, else left out with a warning. */
        private void fault(String value, RuntimeException e) {
            String words = CalendarWords.of(e);
            String what = value == null || words.contains("'" + value.strip() + "'") ? propertyName
                    : propertyName + " '" + shorten(value) + "'";
            if (bearsOnBusyTime()) {
                throw new CalendarFormatException(propertyLine, what + ": " + words + "; runplan needs it for the busy "
                        + "time of this " + KINDS.get(open.peekLast().name()) + ", so fix that line");
            }
            warn(what + " cannot be read (" + words + "); skipped, runplan does not need it for busy time");
            leftOut = true;
        }

        private boolean bearsOnBusyTime() {
            return CalendarParse.bearsOnBusyTime(propertyName, open.stream().map(Open::name).toList());
        }

        private void warn(String text) {
            warnings.add(new CalendarWarning(propertyLine, text));
        }

        private static String shorten(String value) {
            String flat = value.replaceAll("\\p{Cntrl}", " ");
            return flat.length() > 60 ? flat.substring(0, 60) + "..." : flat;
        }
    }
}
