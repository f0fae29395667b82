package fr.id77.membership;

/**
 * Published when a registration enters the admins' queue (the applicant confirmed the e-mail address):
 * ID77 must now check the administrative membership and validate or refuse it ({@code /admin/adhesions}).
 */
public record RegistrationAwaitingValidation(long collectivityId, String collectivityName) {}
