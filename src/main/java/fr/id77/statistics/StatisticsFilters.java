package fr.id77.statistics;

import fr.id77.catalogue.CatalogueReference;
import fr.id77.catalogue.CatalogueReference.DomainRef;
import fr.id77.catalogue.Offers.OfferRef;
import fr.id77.membership.Collectivities;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Reads the filters of the address into a {@link StatisticsQuery}. A value that is not one of the lists (a domain, an
 * offer outside the viewer's scope, a canton) or a date that is not one is refused next to its field with a French
 * message, and left out: the page still shows the figures of the other filters (this year when the dates fail).
 */
@Component
class StatisticsFilters {

    /** The longest custom period: ten years of months still make a readable chart. */
    static final int MAX_YEARS = 10;

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter FRENCH =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final CatalogueReference catalogue;
    private final Collectivities collectivities;

    StatisticsFilters(CatalogueReference catalogue, Collectivities collectivities) {
        this.catalogue = catalogue;
        this.collectivities = collectivities;
    }

    /** The query for {@code filter}, errors written into {@code errors}; {@code offers} are those the viewer may see. */
    StatisticsQuery read(StatisticsFilter filter, Errors errors, List<OfferRef> offers, LocalDate today) {
        Period period = period(filter, errors, today);
        DomainRef domain = null;
        String domaine = text(filter.domaine());
        if (!domaine.isEmpty()) {
            domain = catalogue.domain(domaine).orElse(null);
            if (domain == null) {
                errors.rejectValue("domaine", "domaine.inconnu", "Choisissez un domaine de la liste.");
            }
        }
        OfferRef offer = null;
        String offre = text(filter.offre()).toUpperCase(Locale.ROOT);
        if (!offre.isEmpty()) {
            offer = offers.stream()
                    .filter(o -> o.code().equals(offre))
                    .findFirst()
                    .orElse(null);
            if (offer == null) {
                errors.rejectValue("offre", "offre.inconnue", "Choisissez une offre de la liste.");
            }
        }
        String canton = text(filter.canton());
        if (!canton.isEmpty() && !collectivities.cantons().containsKey(canton)) {
            errors.rejectValue("canton", "canton.inconnu", "Choisissez un canton de la liste.");
            canton = "";
        }
        return new StatisticsQuery(period, domain, offer, canton);
    }

    private Period period(StatisticsFilter filter, Errors errors, LocalDate today) {
        String asked = text(filter.periode());
        boolean datesTyped = !text(filter.du()).isEmpty() || !text(filter.au()).isEmpty();
        // dates in an address without a period (a shared link trimmed by hand) are the dates asked for
        Period.Kind kind = asked.isEmpty() && datesTyped ? Period.Kind.DATES : Period.Kind.of(asked);
        if (kind == Period.Kind.DOUZE_MOIS) {
            return Period.lastTwelveMonths(today);
        }
        if (kind == Period.Kind.ANNEE) {
            return Period.thisYear(today);
        }
        Optional<LocalDate> from = date(filter.du(), "du", "de début", errors);
        Optional<LocalDate> to = date(filter.au(), "au", "de fin", errors);
        if (from.isEmpty() || to.isEmpty()) {
            return Period.thisYear(today);
        }
        if (to.get().isBefore(from.get())) {
            errors.rejectValue(
                    "au", "au.avant", "La date de fin doit être le même jour que la date de début ou après.");
            return Period.thisYear(today);
        }
        if (from.get().plusYears(MAX_YEARS).isBefore(to.get())) {
            errors.rejectValue("au", "au.loin", "La période ne peut pas dépasser " + MAX_YEARS + " ans.");
            return Period.thisYear(today);
        }
        return new Period(Period.Kind.DATES, from.get(), to.get());
    }

    private static Optional<LocalDate> date(String raw, String field, String which, Errors errors) {
        String text = text(raw);
        if (text.isEmpty()) {
            errors.rejectValue(field, field + ".manquante", "Indiquez la date " + which + " de la période.");
            return Optional.empty();
        }
        LocalDate date = parse(text);
        if (date == null) {
            errors.rejectValue(
                    field, field + ".invalide", "Date " + which + " invalide : écrivez-la sous la forme jj/mm/aaaa.");
            return Optional.empty();
        }
        if (date.isBefore(EARLIEST) || date.getYear() > 2100) {
            errors.rejectValue(field, field + ".horsBornes", "Choisissez une date " + which + " entre 2000 et 2100.");
            return Optional.empty();
        }
        return Optional.of(date);
    }

    private static LocalDate parse(String text) {
        for (DateTimeFormatter format : List.of(ISO, FRENCH)) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException ignored) {
                // the other format
            }
        }
        return null;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
