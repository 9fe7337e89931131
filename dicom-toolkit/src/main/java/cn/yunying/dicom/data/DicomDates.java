package cn.yunying.dicom.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;

/**
 * DA, TM and DT values (PS3.5 6.2) to and from java.time. Parsing accepts the
 * reduced precision the standard allows (e.g. "2024", "1012", "101203.5") and the
 * legacy forms "2024.01.31" and "10:12:03"; missing components are taken as the
 * lowest value.
 */
public final class DicomDates {
    private DicomDates() {
    }

    public static LocalDate parseDate(String da) {
        String s = da.strip().replace(".", "").replace("-", "");
        try {
            int year = Integer.parseInt(s.substring(0, 4));
            int month = s.length() >= 6 ? Integer.parseInt(s.substring(4, 6)) : 1;
            int day = s.length() >= 8 ? Integer.parseInt(s.substring(6, 8)) : 1;
            return LocalDate.of(year, month, day);
        } catch (RuntimeException e) {
            throw new DateTimeParseException("not a DICOM date", da, 0, e);
        }
    }

    public static LocalTime parseTime(String tm) {
        String s = tm.strip().replace(":", "");
        try {
            int hour = Integer.parseInt(s.substring(0, 2));
            int minute = s.length() >= 4 ? Integer.parseInt(s.substring(2, 4)) : 0;
            int second = s.length() >= 6 ? Integer.parseInt(s.substring(4, 6)) : 0;
            int nanos = 0;
            if (s.length() > 7 && s.charAt(6) == '.') {
                String fraction = (s.substring(7) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(fraction);
            }
            return LocalTime.of(hour, minute, Math.min(second, 59), nanos);
        } catch (RuntimeException e) {
            throw new DateTimeParseException("not a DICOM time", tm, 0, e);
        }
    }

    /** A LocalDateTime, or an OffsetDateTime if the value ends with &amp;ZZXX. */
    public static Temporal parseDateTime(String dt) {
        String s = dt.strip();
        int sign = Math.max(s.indexOf('+', 4), s.indexOf('-', 4));
        String offset = null;
        if (sign > 0) {
            offset = s.substring(sign);
            s = s.substring(0, sign);
        }
        try {
            LocalDate date = parseDate(s.substring(0, Math.min(8, s.length())));
            LocalTime time = s.length() > 8 ? parseTime(s.substring(8)) : LocalTime.MIDNIGHT;
            LocalDateTime local = LocalDateTime.of(date, time);
            if (offset == null) {
                return local;
            }
            int hours = Integer.parseInt(offset.substring(1, 3));
            int minutes = offset.length() >= 5 ? Integer.parseInt(offset.substring(3, 5)) : 0;
            int total = (hours * 60 + minutes) * (offset.charAt(0) == '-' ? -1 : 1);
            return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(total * 60));
        } catch (RuntimeException e) {
            throw new DateTimeParseException("not a DICOM date time", dt, 0, e);
        }
    }

    public static String formatDate(LocalDate date) {
        // by hand, not String.format: a C-FIND or QIDO answer formats a few dates per match, and the Formatter was most
        // of the time spent turning index rows into answers
        StringBuilder b = new StringBuilder(8);
        appendDate(b, date);
        return b.toString();
    }

    /** HHMMSS, with a fraction of up to 6 digits only when it is not zero. */
    public static String formatTime(LocalTime time) {
        StringBuilder b = new StringBuilder(13);
        appendTime(b, time);
        return b.toString();
    }

    private static void appendDate(StringBuilder b, LocalDate date) {
        int year = date.getYear();
        if (year < 0) {
            b.append(String.format("%04d", year)); // outside DICOM's range anyway; as the Formatter writes it
        } else {
            digits(b, year, 4);
        }
        digits(b, date.getMonthValue(), 2);
        digits(b, date.getDayOfMonth(), 2);
    }

    private static void appendTime(StringBuilder b, LocalTime time) {
        digits(b, time.getHour(), 2);
        digits(b, time.getMinute(), 2);
        digits(b, time.getSecond(), 2);
        int micros = time.getNano() / 1000;
        if (micros != 0) {
            digits(b.append('.'), micros, 6);
        }
    }

    /** A non-negative number with leading zeros up to {@code width} digits (more digits if it has them). */
    private static void digits(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }

    public static String formatDateTime(Temporal value) {
        LocalDateTime local;
        ZoneOffset offset = null;
        if (value instanceof LocalDateTime l) {
            local = l;
        } else if (value instanceof OffsetDateTime o) {
            local = o.toLocalDateTime();
            offset = o.getOffset();
        } else if (value instanceof ZonedDateTime z) {
            local = z.toLocalDateTime();
            offset = z.getOffset();
        } else if (value instanceof LocalDate d) {
            return formatDate(d);
        } else {
            throw new IllegalArgumentException("unsupported temporal " + value.getClass());
        }
        StringBuilder text = new StringBuilder(26);
        appendDate(text, local.toLocalDate());
        appendTime(text, local.toLocalTime());
        if (offset != null) {
            int minutes = offset.get(ChronoField.OFFSET_SECONDS) / 60;
            text.append(minutes < 0 ? '-' : '+');
            digits(text, Math.abs(minutes) / 60, 2);
            digits(text, Math.abs(minutes) % 60, 2);
        }
        return text.toString();
    }
}
