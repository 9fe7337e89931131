package cn.yunying.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** DA, TM and DT values as written (PS3.5 6.2): fixed-width digits, a fraction only when there is one. */
class DicomDatesTest {

    @Test
    void datesAreEightDigits() {
        assertEquals("20230105", DicomDates.formatDate(LocalDate.of(2023, 1, 5)));
        assertEquals("00010101", DicomDates.formatDate(LocalDate.of(1, 1, 1)));
        assertEquals("19991231", DicomDates.formatDate(LocalDate.of(1999, 12, 31)));
    }

    @Test
    void timesAreSixDigitsWithAFractionOnlyWhenNotZero() {
        assertEquals("000000", DicomDates.formatTime(LocalTime.MIDNIGHT));
        assertEquals("070809", DicomDates.formatTime(LocalTime.of(7, 8, 9)));
        assertEquals("235959.000001", DicomDates.formatTime(LocalTime.of(23, 59, 59, 1_000)));
        assertEquals("101010.500000", DicomDates.formatTime(LocalTime.of(10, 10, 10, 500_000_000)));
        assertEquals("101010", DicomDates.formatTime(LocalTime.of(10, 10, 10, 999)), "below a microsecond is dropped");
    }

    @Test
    void dateTimesCarryTheirOffset() {
        assertEquals("20240229120000", DicomDates.formatDateTime(LocalDateTime.of(2024, 2, 29, 12, 0)));
        assertEquals("20240229120000.250000+0800",
                DicomDates.formatDateTime(OffsetDateTime.of(2024, 2, 29, 12, 0, 0, 250_000_000, ZoneOffset.ofHours(8))));
        assertEquals("20240229120000-0330",
                DicomDates.formatDateTime(OffsetDateTime.of(2024, 2, 29, 12, 0, 0, 0, ZoneOffset.ofHoursMinutes(-3, -30))));
        assertEquals("20240229", DicomDates.formatDateTime(LocalDate.of(2024, 2, 29)));
    }
}
