package fr.id77.statistics;

import fr.id77.shared.web.AddressChoice;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The filing dates a statistics page covers, both included, and how they were asked for. */
record Period(Kind kind, LocalDate from, LocalDate to) {

    enum Kind implements AddressChoice {
        ANNEE("annee", "Cette année"),
        DOUZE_MOIS("12mois", "Les 12 derniers mois"),
        DATES("dates", "Dates choisies");

        final String param;
        final String label;

        Kind(String param, String label) {
            this.param = param;
            this.label = label;
        }

        @Override
        public String getParam() {
            return param;
        }

        @Override
        public String getLabel() {
            return label;
        }

        static Kind of(String param) {
            return AddressChoice.byParam(Kind.class, param).orElse(ANNEE);
        }
    }

    /** From the first of January to today. */
    static Period thisYear(LocalDate today) {
        return new Period(Kind.ANNEE, today.withDayOfYear(1), today);
    }

    /** The twelve calendar months that end with the current one (to today). */
    static Period lastTwelveMonths(LocalDate today) {
        return new Period(Kind.DOUZE_MOIS, today.withDayOfMonth(1).minusMonths(11), today);
    }

    /** Every month the period touches, in order. */
    List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
