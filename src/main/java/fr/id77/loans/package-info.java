/**
 * Exhibition loans: the exhibitions ID77 lends (offers of typology « exposition »), their copies and loan rules, the
 * booking of a copy for a period when a collectivity files a request, its confirmation when the request is accepted
 * (PostgreSQL refuses two overlapping loans of one copy), the availability calendar of the offer page, the staff
 * calendar with its iCalendar feeds, and the reminders before pick-up and return. Files requests through
 * {@link fr.id77.requests.RequestWorkflow} and follows them through {@link fr.id77.requests.RequestEvents}; publishes
 * {@link fr.id77.loans.LoanReminderDue} for the notifications module.
 */
@ApplicationModule(allowedDependencies = {"account", "catalogue", "membership", "requests", "shared"})
package fr.id77.loans;

import org.springframework.modulith.ApplicationModule;
