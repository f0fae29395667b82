package fr.id77.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class IcsCalendarTests {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void wholeDaysEndTheDayAfterTheLastOneAndTimesAreWrittenInUtc() throws Exception {
        String ics = IcsCalendar.write(
                "Prêts ; expositions",
                List.of(
                        IcsCalendar.Event.days(
                                "pret-1@id77",
                                LocalDate.of(2027, 3, 1),
                                LocalDate.of(2027, 3, 14),
                                "Exposition « L’eau », Melun",
                                "Retrait, retour",
                                "https://id77.example/demandes/12"),
                        IcsCalendar.Event.at(
                                        "session-4@id77",
                                        LocalDateTime.of(2027, 7, 1, 9, 30),
                                        LocalDateTime.of(2027, 7, 1, 12, 0),
                                        "Formation",
                                        "Salle 1, Melun",
                                        null,
                                        null)
                                .cancel()),
                NOW);

        assertThat(ics).contains("DTSTART;VALUE=DATE:20270301", "DTEND;VALUE=DATE:20270315");
        assertThat(ics).contains("DTSTART:20270701T073000Z", "DTEND:20270701T100000Z", "STATUS:CANCELLED");
        assertThat(ics).contains("LOCATION:Salle 1\\, Melun", "X-WR-CALNAME:Prêts \\; expositions");
        Calendar read = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = read.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        assertThat(events.getFirst().getUid().orElseThrow().getValue()).isEqualTo("pret-1@id77");
        assertThat(events.getFirst().getSummary().getValue()).isEqualTo("Exposition « L’eau », Melun");
    }
}
