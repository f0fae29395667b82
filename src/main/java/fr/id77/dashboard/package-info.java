/**
 * Dashboards: the first page of ID77's staff after sign-in. The admins' ({@code /admin}): figures that link to the
 * filtered list behind them (adhesions to validate, requests per status and waiting too long, offers without an active
 * chef de file, mails not sent, adhesions of the month), the latest events of the platform and the administration's
 * pages. A chef de file's ({@code /tableau-de-bord}, also an admin's for himself): his requests to process, in
 * progress, and those with news. It owns no table: it reads the other modules' public facades, never their tables.
 */
@ApplicationModule(allowedDependencies = {"account", "audit", "catalogue", "membership", "requests", "shared"})
package fr.id77.dashboard;

import org.springframework.modulith.ApplicationModule;
