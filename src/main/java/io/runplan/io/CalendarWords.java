package io.runplan.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What ical4j's and java.time's exceptions mean, in words a user can act on: never a Java class name. */
final class CalendarWords {

    private static final Pattern UNPARSABLE = Pattern.compile("Text '([^']*)' could not be parsed.*", Pattern.DOTALL);
    private static final Pattern NO_ENUM = Pattern.compile("No enum constant [\\w.$]*\\.(\\w+)\\.(\\w*)");
    private static final Pattern RULE_PART = Pattern.compile("Invalid recurrence rule part: ([^=]*)=(.*)");
    private static final Pattern NUMBER = Pattern.compile("For input string: \"([^\"]*)\".*");
    private static final Pattern MISSING = Pattern.compile("Missing expected token, last token: (.*)");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?::\\s*)?");

    private CalendarWords() {
    }

    /** The problem {@code error} stands for, as a phrase that can follow "DTSTART '...': ". */
    static String of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String words = known(cause);
            if (words != null) {
                return words;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        String message = error.getMessage() == null ? "" : CLASS_NAME.matcher(error.getMessage()).replaceAll("").strip();
        return message.isEmpty() ? "it cannot be read" : message;
    }

    private static String known(Throwable error) {
        String message = error.getMessage();
        if (message == null) {
            return null;
        }
        Matcher matcher = UNPARSABLE.matcher(message);
        if (matcher.matches()) {
            return "'" + matcher.group(1) + "' is not a date (20261125) or date-time (20261125T130000, Z at the end "
                    + "for UTC)";
        }
        matcher = NO_ENUM.matcher(message);
        if (matcher.find()) {
            return switch (matcher.group(1)) {
                case "Day" -> "'" + matcher.group(2) + "' is not a day of the week (MO, TU, WE, TH, FR, SA or SU)";
                case "Frequency" -> "'" + matcher.group(2) + "' is not a frequency (DAILY, WEEKLY, MONTHLY, YEARLY...)";
                default -> "'" + matcher.group(2) + "' is not a valid value here";
            };
        }
        matcher = RULE_PART.matcher(message);
        if (matcher.matches()) {
            return "'" + matcher.group(1) + "' is not a part of a recurrence rule (RFC 5545 3.3.10)";
        }
        matcher = NUMBER.matcher(message);
        if (matcher.matches()) {
            return "'" + matcher.group(1) + "' is not a number";
        }
        matcher = MISSING.matcher(message);
        if (matcher.matches()) {
            return matcher.group(1).isBlank() ? "a value is missing"
                    : "'" + matcher.group(1) + "' is not NAME=VALUE, as each part of a recurrence rule is (FREQ=WEEKLY)";
        }
        if (message.startsWith("Text cannot be parsed to a Duration") || message.startsWith("Text cannot be parsed to a Period")) {
            return "not a duration (RFC 5545 writes one like PT1H30M or P1D)";
        }
        if (message.contains("MUST contain a FREQ")) {
            return "a recurrence rule needs FREQ (DAILY, WEEKLY...)";
        }
        if (message.startsWith("Illegal character") || message.startsWith("Expected scheme")) {
            return "not a valid address (URI)";
        }
        if (message.startsWith("End instant must be equal or after start instant")) {
            return "it ends before it starts";
        }
        if (message.startsWith("Unable to obtain")) {
            return "a date where a date and time is needed, or the other way round";
        }
        if (message.startsWith("Unknown time-zone ID") || message.startsWith("Invalid ID for region-based ZoneId")
                || message.startsWith("Unknown timezone identifier")) {
            return "unknown time zone";
        }
        return null;
    }
}
