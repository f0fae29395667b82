/**
 * Statistics: the figures the board asks for ({@code /statistiques}): requests filed per month, by domain, typology,
 * offer, canton, collectivity category and status, response times in working days, adhesions, active collectivities
 * and cantons reached, as server-rendered SVG charts, accessible tables and CSV downloads. Admins see the whole
 * département, a chef de file the requests of the offers he leads.
 *
 * <p>A read model for reporting: it reads, never writes, the rows it counts in SQL ({@code statistics_request}, kept by
 * PostgreSQL from the requests and their history, V40; {@code collectivity}; the adhesions of {@code audit_entry}),
 * and takes offers, domains, typologies, cantons and the labels of statuses from the public API of catalogue,
 * membership and requests; the training sessions' figures come from {@link fr.id77.trainings.TrainingFigures}. No other
 * module depends on it.
 *
 * <p>The figures are computed and rendered once per version of the data they count ({@link StatisticsCache}: the
 * numbers {@code statistics_version}, V63, and {@code catalogue_version}, V38, read in the figures' snapshot).
 */
@ApplicationModule(allowedDependencies = {"account", "catalogue", "membership", "requests", "shared", "trainings"})
package fr.id77.statistics;

import org.springframework.modulith.ApplicationModule;
