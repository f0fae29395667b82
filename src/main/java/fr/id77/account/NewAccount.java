package fr.id77.account;

/** A person to create an account for (applicant, invited colleague or staff). */
public record NewAccount(
        String identifiant,
        String email,
        String civility,
        String firstName,
        String lastName,
        String phone,
        Role role,
        Long collectivityId) {}
