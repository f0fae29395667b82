/**
 * Requests: what a collectivity asks of an offer, its statuses, history, comments and files. Reads offers,
 * collectivities and people only through the public facades of catalogue, membership and account; its own SQL
 * touches only its own tables ({@code request*}). Publishes {@link fr.id77.requests.RequestEvents}.
 */
@ApplicationModule(allowedDependencies = {"account", "catalogue", "membership", "shared"})
package fr.id77.requests;

import org.springframework.modulith.ApplicationModule;
