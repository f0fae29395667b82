package fr.id77.membership;

import fr.id77.membership.Choices.Canton;
import fr.id77.membership.Choices.Category;
import fr.id77.membership.Choices.Civility;
import fr.id77.membership.Choices.RepresentativeTitle;
import fr.id77.shared.validation.FrenchPhone;
import fr.id77.shared.validation.Identifiant;
import fr.id77.shared.validation.Siret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** The forms of registration, profile and technical referents (never entities). */
final class MembershipForms {

    private MembershipForms() {}

    /** What registration and « Éditer le profil » share. */
    record CollectivityFields(
            @NotBlank(message = "Saisissez le nom de la collectivité ou de l'organisme.") @Size(max = 200)
            String name,

            @NotNull(message = "Choisissez une catégorie.") Category category,

            @NotBlank(message = "Saisissez le SIRET (14 chiffres).") @Siret
            String siret,

            @NotBlank(message = "Saisissez la population (nombre d'habitants).")
            @Pattern(
                    regexp = "(0*[1-9][0-9]{0,6})?",
                    message = "Saisissez un nombre entier positif (chiffres uniquement).")
            String population,

            @NotNull(message = "Choisissez le canton.") Canton canton,

            @NotNull(message = "Choisissez le titre du représentant.")
            RepresentativeTitle representativeTitle,

            @NotNull(message = "Choisissez la civilité du représentant.")
            Civility representativeCivility,

            @NotBlank(message = "Saisissez le prénom du représentant.") @Size(max = 100)
            String representativeFirstName,

            @NotBlank(message = "Saisissez le nom du représentant.") @Size(max = 100)
            String representativeLastName,

            @NotNull(message = "Choisissez la civilité du référent administratif.")
            Civility referentCivility,

            @NotBlank(message = "Saisissez le prénom du référent administratif.") @Size(max = 100)
            String referentFirstName,

            @NotBlank(message = "Saisissez le nom du référent administratif.") @Size(max = 100)
            String referentLastName) {

        static CollectivityFields empty() {
            return new CollectivityFields("", null, "", "", null, null, null, "", "", null, "", "");
        }
    }

    record RegistrationForm(
            @Valid CollectivityFields collectivity,

            @NotBlank(message = "Choisissez un identifiant.") @Identifiant
            String identifiant,

            @NotBlank(message = "Saisissez l'adresse e-mail.")
            @Email(message = "Cette adresse e-mail n'est pas valide.")
            @Size(max = 254)
            String email,

            @NotBlank(message = "Saisissez le numéro de téléphone.") @FrenchPhone
            String phone) {

        static RegistrationForm empty() {
            return new RegistrationForm(CollectivityFields.empty(), "", "", "");
        }
    }

    record ProfileForm(
            @Valid CollectivityFields collectivity,

            @Size(max = 300)
            @Pattern(
                    regexp = "^$|^(https?://)?[\\w-]+(\\.[\\w-]+)+(/\\S*)?$",
                    message = "Saisissez une adresse de site comme https://www.macommune.fr.")
            String website,

            long version) {}

    record ReferentForm(
            @NotBlank(message = "Saisissez le titre (fonction).") @Size(max = 120)
            String title,

            @NotBlank(message = "Saisissez le nom et le prénom.") @Size(max = 160)
            String fullName,

            @NotBlank(message = "Saisissez le service.") @Size(max = 160)
            String service,

            @NotBlank(message = "Saisissez l'adresse e-mail.")
            @Email(message = "Cette adresse e-mail n'est pas valide.")
            @Size(max = 254)
            String email,

            @NotBlank(message = "Saisissez le numéro de téléphone.") @FrenchPhone
            String phone,

            /** Whether the referent receives the mails of the requests he follows (an unticked box sends nothing). */
            Boolean mailOptIn,

            long version)
            implements Serializable {

        static ReferentForm empty() {
            return new ReferentForm("", "", "", "", "", false, 0);
        }
    }

    record ColleagueForm(
            @NotBlank(message = "Choisissez un identifiant.") @Identifiant
            String identifiant,

            @NotBlank(message = "Saisissez l'adresse e-mail.")
            @Email(message = "Cette adresse e-mail n'est pas valide.")
            @Size(max = 254)
            String email,

            @NotBlank(message = "Saisissez le prénom.") @Size(max = 100)
            String firstName,

            @NotBlank(message = "Saisissez le nom.") @Size(max = 100)
            String lastName) {

        static ColleagueForm empty() {
            return new ColleagueForm("", "", "", "");
        }
    }

    record ResendForm(
            @NotBlank(message = "Saisissez l'adresse e-mail.")
            @Email(message = "Cette adresse e-mail n'est pas valide.")
            String email) {}

    record RefusalForm(
            @NotBlank(message = "Indiquez la raison du refus : elle est envoyée au demandeur.") @Size(max = 2000)
            String reason) {}
}
