package dev.todo.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransitionRule;
import org.junit.jupiter.api.Test;

class TimeZoneComponentTest {

    private static ZoneOffsetTransitionRule rule(String zone, int index) {
        return ZoneId.of(zone).getRules().getTransitionRules().get(index);
    }

    @Test
    void yearlyRulesBecomeRrules() {
        assertThat(TimeZoneComponent.rule(rule("Europe/Berlin", 0))).isEqualTo("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        assertThat(TimeZoneComponent.rule(rule("America/New_York", 0)))
                .isEqualTo("FREQ=YEARLY;BYMONTH=3;BYDAY=SU;BYMONTHDAY=8,9,10,11,12,13,14");
        assertThat(TimeZoneComponent.rule(rule("America/New_York", 1)))
                .isEqualTo("FREQ=YEARLY;BYMONTH=11;BYDAY=SU;BYMONTHDAY=1,2,3,4,5,6,7");
    }

    @Test
    void aZoneWithoutDaylightSavingHasOneStandardPartAtItsOffset() {
        ICalendarWriter ics = new ICalendarWriter();

        TimeZoneComponent.write(
                ics,
                ZoneId.of("Asia/Karachi"),
                Instant.parse("2026-06-01T00:00:00Z"),
                Instant.parse("2026-06-01T00:00:00Z"));

        assertThat(ics.content())
                .contains("TZID:Asia/Karachi", "BEGIN:STANDARD", "TZOFFSETTO:+0500")
                .doesNotContain("DAYLIGHT", "RRULE");
    }

    @Test
    void textIsEscapedAndLinesFoldedWithoutSplittingACharacter() {
        String title = "Pay rent; landlord, \"Ahmed\"\n" + "چائے خریدنا ".repeat(10);
        String content = new ICalendarWriter().text("SUMMARY", title).content();

        assertThat(content).startsWith("SUMMARY:Pay rent\\; landlord\\, \"Ahmed\"\\n");
        for (String line : content.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(content.replace("\r\n ", "")).isEqualTo("SUMMARY:" + ICalendarWriter.escape(title) + "\r\n");
    }
}
