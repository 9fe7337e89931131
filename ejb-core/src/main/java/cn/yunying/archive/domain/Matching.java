package cn.yunying.archive.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The attribute matching of PS3.4 C.2.2.2, as pure functions: a key value becomes a {@link Criterion} that the
 * repository turns into a parameterised predicate. Values never become SQL text.
 */
public final class Matching {

    /** How the values of an attribute are compared (from its VR and its role). */
    public enum Kind { TEXT, PERSON_NAME, UID, DATE, TIME, NUMBER }

    /** What one matching key asks for. */
    public sealed interface Criterion permits Universal, Single, Wildcard, ListOf, DateRange, TimeRange {
    }

    /** Empty value (or only "*"): every entity matches; the key is only a return key. */
    public record Universal() implements Criterion {
    }

    /** Exact (single value) matching. {@code value} is a String, LocalDate, LocalTime or Integer. */
    public record Single(Object value) implements Criterion {
    }

    /** Wildcard matching: {@code likePattern} is an SQL LIKE pattern using '\' as the escape character. */
    public record Wildcard(String likePattern) implements Criterion {
    }

    /** UID list matching (or any list of single values): matches if one of the values matches. */
    public record ListOf(List<Object> values) implements Criterion {
    }

    /** Range matching of dates; a null bound is open. */
    public record DateRange(LocalDate from, LocalDate to) implements Criterion {
    }

    /** Range matching of times; a null bound is open. */
    public record TimeRange(LocalTime from, LocalTime to) implements Criterion {
    }

    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("uuuuMMdd");

    private Matching() {
    }

    /**
     * Parses a key value of the given kind. Person names and text support wildcards (* and ?); UIDs a backslash
     * separated list; dates and times single values or ranges ({@code a-b}, {@code -b}, {@code a-}).
     *
     * @throws IllegalArgumentException if the value is not valid for its kind (the caller answers 400 / A900)
     */
    public static Criterion parse(String value, Kind kind, boolean ignoreCase) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || (v.chars().allMatch(c -> c == '*') && kind != Kind.UID)) {
            return new Universal();
        }
        return switch (kind) {
            case UID -> uids(v);
            case DATE -> dates(v);
            case TIME -> times(v);
            case NUMBER -> numbers(v);
            case TEXT, PERSON_NAME -> text(kind == Kind.PERSON_NAME && ignoreCase ? normalizeName(v) : v);
        };
    }

    private static Criterion uids(String v) {
        List<Object> uids = Arrays.stream(v.split("\\\\")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Object.class::cast).toList();
        for (Object uid : uids) {
            if (!StoragePaths.isValidUid((String) uid)) {
                throw new IllegalArgumentException("not a UID: " + uid);
            }
        }
        return uids.size() == 1 ? new Single(uids.get(0)) : new ListOf(uids);
    }

    private static Criterion numbers(String v) {
        try {
            List<Object> numbers = Arrays.stream(v.split("\\\\")).map(String::strip)
                    .map(s -> (Object) Integer.valueOf(s)).toList();
            return numbers.size() == 1 ? new Single(numbers.get(0)) : new ListOf(numbers);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + v);
        }
    }

    private static Criterion text(String v) {
        if (v.indexOf('*') < 0 && v.indexOf('?') < 0) {
            return new Single(v);
        }
        return new Wildcard(toLike(v));
    }

    /** '*' becomes '%', '?' becomes '_'; the LIKE metacharacters of the value itself are escaped with '\'. */
    public static String toLike(String wildcardValue) {
        StringBuilder like = new StringBuilder(wildcardValue.length() + 8);
        for (char c : wildcardValue.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '%', '_', '\\' -> like.append('\\').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }

    private static Criterion dates(String v) {
        int dash = v.indexOf('-');
        if (dash < 0) {
            return new Single(date(v));
        }
        String from = v.substring(0, dash).strip();
        String to = v.substring(dash + 1).strip();
        if (from.isEmpty() && to.isEmpty()) {
            throw new IllegalArgumentException("empty date range");
        }
        return new DateRange(from.isEmpty() ? null : date(from), to.isEmpty() ? null : date(to));
    }

    private static Criterion times(String v) {
        int dash = v.indexOf('-');
        if (dash < 0) {
            return new Single(time(v, false));
        }
        String from = v.substring(0, dash).strip();
        String to = v.substring(dash + 1).strip();
        if (from.isEmpty() && to.isEmpty()) {
            throw new IllegalArgumentException("empty time range");
        }
        return new TimeRange(from.isEmpty() ? null : time(from, false), to.isEmpty() ? null : time(to, true));
    }

    /** DA is YYYYMMDD (the ACR-NEMA form YYYY.MM.DD is accepted too). */
    public static LocalDate date(String v) {
        try {
            return LocalDate.parse(v.replace(".", ""), DA);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date: " + v);
        }
    }

    /**
     * TM is HH[MM[SS[.F{1,6}]]] (colons tolerated). An upper bound given to the hour or minute covers that whole
     * hour or minute.
     */
    public static LocalTime time(String v, boolean upperBound) {
        String t = v.replace(":", "");
        try {
            if (!t.matches("\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?")) {
                throw new IllegalArgumentException("not a time: " + v);
            }
            int hour = Integer.parseInt(t.substring(0, 2));
            int minute = t.length() >= 4 ? Integer.parseInt(t.substring(2, 4)) : upperBound ? 59 : 0;
            int second = t.length() >= 6 ? Integer.parseInt(t.substring(4, 6)) : upperBound ? 59 : 0;
            int nanos = 0;
            if (t.length() > 7) {
                String fraction = (t.substring(7) + "000000").substring(0, 6);
                nanos = Integer.parseInt(fraction) * 1000;
            } else if (upperBound && t.length() < 6) {
                nanos = 999_999_000;
            }
            return LocalTime.of(hour, minute, second, nanos);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a time: " + v);
        }
    }

    /** Upper case in the root locale, so Latin names match case-insensitively; Chinese characters are unchanged. */
    public static String normalizeName(String name) {
        return name == null ? null : name.strip().toUpperCase(Locale.ROOT);
    }
}
