package fr.id77.statistics;

/**
 * The filters of {@code /statistiques} as they come in the address, all text: a period ({@code periode} = {@code annee},
 * {@code 12mois} or {@code dates} with {@code du} and {@code au}), a domain (slug), an offer (code) and a canton. Read
 * by {@link StatisticsFilters}, which refuses a bad value next to its field and keeps the others.
 */
record StatisticsFilter(String periode, String du, String au, String domaine, String offre, String canton) {}
