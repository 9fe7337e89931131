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
        return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** HHMMSS, with a fraction of up to 6 digits only when it is not zero. */
    public static String formatTime(LocalTime time) {
        String base = String.format("%02d%02d%02d", time.getHour(), time.getMinute(), time.getSecond());
        int micros = time.getNano() / 1000;
        if (micros == 0) {
            return base;
        }
        return base + "." + String.format("%06d", micros);
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
        String text = formatDate(local.toLocalDate()) + formatTime(local.toLocalTime());
        if (offset != null) {
            int minutes = offset.get(ChronoField.OFFSET_SECONDS) / 60;
            text += String.format("%s%02d%02d", minutes < 0 ? "-" : "+", Math.abs(minutes) / 60, Math.abs(minutes) % 60);
        }
        return text;
    }
}
