package fr.id77.account;

import fr.id77.shared.validation.FrenchPhone;
import fr.id77.shared.validation.Identifiant;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The forms of the account pages (never entities). */
final class AccountForms {

    private AccountForms() {}

    record ForgottenPasswordForm(
            @NotBlank(message = "Saisissez votre identifiant ou votre adresse e-mail.")
            String login) {}

    /** A form where a person chooses a password and types it twice (see {@link ChosenPasswordValidator}). */
    interface ChosenPassword {
        String password();

        String confirmation();
    }

    record NewPasswordForm(
            String token,

            @NotBlank(message = "Choisissez un mot de passe.")
            String password,

            @NotBlank(message = "Saisissez une deuxième fois le mot de passe.")
            String confirmation)
            implements ChosenPassword {}

    record ChangePasswordForm(
            @NotBlank(message = "Saisissez votre mot de passe actuel.")
            String current,

            @NotBlank(message = "Choisissez un mot de passe.")
            String password,

            @NotBlank(message = "Saisissez une deuxième fois le mot de passe.")
            String confirmation)
            implements ChosenPassword {}

    record LoginInfoForm(
            @Pattern(regexp = "(MME|M)?", message = "Choisissez Madame ou Monsieur.")
            String civility,

            @NotBlank(message = "Saisissez votre prénom.") @Size(max = 100)
            String firstName,

            @NotBlank(message = "Saisissez votre nom.") @Size(max = 100)
            String lastName,

            @NotBlank(message = "Saisissez votre adresse e-mail.")
            @Email(message = "Cette adresse e-mail n'est pas valide.")
            @Size(max = 254)
            String email,

            @FrenchPhone String phone,
            long version,
            String currentPassword) {}

    record StaffInvitationForm(
            @NotBlank(message = "Choisissez un identifiant.") @Identifiant
            String identifiant,

            @NotBlank(message = "Saisissez l'adresse e-mail.")
            @Email(message = "Cette adresse e-mail n'est pas valide.")
            @Size(max = 254)
            String email,

            @NotBlank(message = "Saisissez le prénom.") @Size(max = 100)
            String firstName,

            @NotBlank(message = "Saisissez le nom.") @Size(max = 100)
            String lastName,

            @NotNull(message = "Choisissez un rôle.") Role role) {}
}
