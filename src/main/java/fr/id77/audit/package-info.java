/**
 * Audit: the journal of decisions that change who may do what (adhesions validated, refused, suspended,
 * reactivated; accounts disabled, enabled, invited with a role; offers published, withdrawn, handed to another
 * chef de file). It listens to the public events of membership, account and catalogue inside their transaction,
 * writes one append-only row per decision (PostgreSQL refuses any change of it) and shows them to admins on
 * {@code /admin/journal}. No other module depends on it.
 */
@ApplicationModule(allowedDependencies = {"account", "catalogue", "membership", "shared"})
package fr.id77.audit;

import org.springframework.modulith.ApplicationModule;
