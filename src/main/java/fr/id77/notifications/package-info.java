/**
 * Notifications: tells people what happened on the requests that concern them (and admins of new
 * registrations), in the application (the envelope in the header, {@code /notifications}) and by e-mail
 * through the outbox, each person choosing per event and channel ({@code /notifications/parametres}).
 * It reacts to the public events of the requests, loans, membership and trainings modules, inside their transaction.
 */
@ApplicationModule(
        allowedDependencies = {"account", "catalogue", "loans", "membership", "requests", "shared", "trainings"})
package fr.id77.notifications;

import org.springframework.modulith.ApplicationModule;
