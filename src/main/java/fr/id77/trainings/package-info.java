/**
 * Trainings: the dated sessions of the training and awareness offers (typology « Action de sensibilisation /
 * formation »), the participants the collectivities register for them (seats never oversold, a waiting list promoted
 * in order), the participants' mails with their {@code .ics}, the reminder two days before, attendance sheets and
 * lists for staff, attendance marked after the session. Its SQL touches only its own tables ({@code training_session},
 * {@code session_registration}); offers, collectivities and people come from the public API of catalogue, membership
 * and account. Publishes {@link fr.id77.trainings.TrainingEvents} (notifications listens) and offers
 * {@link fr.id77.trainings.TrainingFigures} to the statistics.
 */
@ApplicationModule(allowedDependencies = {"account", "catalogue", "membership", "shared"})
package fr.id77.trainings;

import org.springframework.modulith.ApplicationModule;
