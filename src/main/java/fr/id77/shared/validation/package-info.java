/** Bean Validation constraints shared by the forms of several modules (SIRET, French phone numbers, identifiants). */
package fr.id77.shared.validation;
