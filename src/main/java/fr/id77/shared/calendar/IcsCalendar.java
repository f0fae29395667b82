package fr.id77.shared.calendar;

import fr.id77.shared.time.TimeConfiguration;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * iCalendar (RFC 5545) documents written with ical4j: the feeds staff subscribe to from their calendar (exhibition
 * loans) and the {@code .ics} attached to a training session's mails. Times are written in UTC (no time zone table to
 * carry), whole days as dates.
 */
public final class IcsCalendar {

    /** The media type of what {@link #write} returns. */
    public static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";

    /**
     * One event. {@code uid} must stay the same for the same thing across feeds and mails (a calendar replaces the event
     * instead of adding a copy); {@code cancelled} marks it withdrawn.
     */
    public record Event(
            String uid,
            Temporal start,
            Temporal end,
            String summary,
            String location,
            String description,
            String url,
            boolean cancelled) {

        /** An event over whole days, {@code first} to {@code last} included. */
        public static Event days(
                String uid, LocalDate first, LocalDate last, String summary, String description, String url) {
            return new Event(uid, first, last.plusDays(1), summary, null, description, url, false);
        }

        /** An event at a time, Paris time. */
        public static Event at(
                String uid,
                java.time.LocalDateTime start,
                java.time.LocalDateTime end,
                String summary,
                String location,
                String description,
                String url) {
            return new Event(
                    uid,
                    start.atZone(TimeConfiguration.PARIS).toInstant(),
                    end.atZone(TimeConfiguration.PARIS).toInstant(),
                    summary,
                    location,
                    description,
                    url,
                    false);
        }

        /** The same event, marked cancelled. */
        public Event cancel() {
            return new Event(uid, start, end, summary, location, description, url, true);
        }
    }

    private IcsCalendar() {}

    /** The calendar named {@code name} holding these events, published (a feed or an information, never a request). */
    public static String write(String name, List<Event> events, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//ID77//Plateforme ID77//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method("PUBLISH"));
        calendar.add(new net.fortuna.ical4j.model.property.XProperty("X-WR-CALNAME", name));
        for (Event e : events) {
            VEvent event = new VEvent(e.start(), e.end(), e.summary());
            event.add(new Uid(e.uid()));
            event.replace(new DtStamp(now));
            if (e.location() != null && !e.location().isBlank()) {
                event.add(new Location(e.location()));
            }
            if (e.description() != null && !e.description().isBlank()) {
                event.add(new Description(e.description()));
            }
            if (e.url() != null) {
                event.add(new Url(java.net.URI.create(e.url())));
            }
            event.add(e.cancelled() ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
