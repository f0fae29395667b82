package fr.id77.trainings;

import static org.assertj.core.api.Assertions.assertThat;

import fr.id77.account.CurrentUser;
import fr.id77.account.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/** The pure rules of sessions and registrations, without Spring nor database. */
class TrainingRulesTests {

    // Tuesday 12 January 2027, 09:30 to 12:00 in Paris (UTC+1)
    static final Instant START = Instant.parse("2027-01-12T08:30:00Z");
    static final Instant END = Instant.parse("2027-01-12T11:00:00Z");

    static Session session(
            int seats, int confirmed, LocalDate deadline, Instant cancelledAt, boolean remote, String place) {
        return new Session(
                1,
                2,
                "F101",
                "Formation",
                7L,
                START,
                END,
                place,
                remote,
                seats,
                deadline,
                cancelledAt,
                cancelledAt == null ? null : "motif",
                0,
                confirmed,
                0);
    }

    static Session open() {
        return session(10, 4, LocalDate.parse("2027-01-05"), null, false, "Melun");
    }

    @Test
    void registrationIsTakenUntilTheEndOfTheDeadlineDayParisTime() {
        assertThat(open().refusal(Instant.parse("2027-01-05T22:59:00Z"))).isNull(); // 23:59 in Paris
        assertThat(open().refusal(Instant.parse("2027-01-05T23:00:00Z"))) // midnight in Paris
                .contains("date limite d'inscription (05/01/2027) est passée");
    }

    @Test
    void aCancelledOrBegunSessionTakesNoRegistration() {
        assertThat(session(10, 0, LocalDate.parse("2027-01-12"), Instant.parse("2027-01-02T10:00:00Z"), false, "Melun")
                        .refusal(Instant.parse("2027-01-03T10:00:00Z")))
                .contains("annulée");
        assertThat(session(10, 0, LocalDate.parse("2027-01-12"), null, false, "Melun")
                        .refusal(START))
                .contains("déjà eu lieu");
    }

    @Test
    void seatsLeftAndFull() {
        assertThat(open().seatsLeft()).isEqualTo(6);
        assertThat(open().isFull()).isFalse();
        assertThat(session(4, 4, LocalDate.parse("2027-01-05"), null, false, "Melun")
                        .isFull())
                .isTrue();
        assertThat(session(4, 4, LocalDate.parse("2027-01-05"), null, false, "Melun")
                        .seatsLeft())
                .isZero();
    }

    @Test
    void whenAndWhereAsPeopleReadThem() {
        assertThat(open().when()).isEqualTo("mardi 12 janvier 2027 de 09:30 à 12:00");
        assertThat(open().hours()).isEqualTo("09:30 – 12:00");
        assertThat(open().placeLabel()).isEqualTo("Melun");
        assertThat(session(4, 0, LocalDate.parse("2027-01-05"), null, true, null)
                        .placeLabel())
                .isEqualTo("À distance");
        assertThat(session(4, 0, LocalDate.parse("2027-01-05"), null, true, "Melun")
                        .placeLabel())
                .isEqualTo("À distance ou Melun");
        assertThat(open().uid()).isEqualTo("session-1@id77.fr");
    }

    @Test
    void adminsManageEverySessionAChefDeFileThoseOfHisOffers() {
        CurrentUser chef = new CurrentUser(7, "c", "C", "C", Set.of(Role.CHEF_DE_FILE), null);
        CurrentUser otherChef = new CurrentUser(8, "o", "O", "O", Set.of(Role.CHEF_DE_FILE), null);
        CurrentUser admin = new CurrentUser(9, "a", "A", "A", Set.of(Role.ADMIN), null);
        CurrentUser memberWithSameId = new CurrentUser(7, "m", "M", "M", Set.of(Role.ADHERENT), 3L);
        assertThat(open().managedBy(chef)).isTrue();
        assertThat(open().managedBy(otherChef)).isFalse();
        assertThat(open().managedBy(admin)).isTrue();
        assertThat(open().managedBy(memberWithSameId)).isFalse();
        assertThat(Session.managesOffer(chef, null)).isFalse();
    }

    @Test
    void aRowBegunMustBeWholeAndEachPersonOnce() {
        RegistrationForm form = new RegistrationForm(List.of(
                new RegistrationForm.Row("Anne", "", "anne@x.example"),
                new RegistrationForm.Row("", "", ""),
                new RegistrationForm.Row("Bruno", "Maire", ""),
                new RegistrationForm.Row("Anne bis", "Agent", "ANNE@x.example")));
        Errors errors = new BeanPropertyBindingResult(form, "form");
        RegistrationFormValidator.validate(form, errors);
        assertThat(errors.getFieldError("participants[0].fonction").getDefaultMessage())
                .isEqualTo("Indiquez sa fonction.");
        assertThat(errors.hasFieldErrors("participants[1].nom")).isFalse();
        assertThat(errors.getFieldError("participants[2].email").getDefaultMessage())
                .isEqualTo("Indiquez son adresse e-mail.");
        assertThat(errors.getFieldError("participants[3].email").getDefaultMessage())
                .contains("déjà plus haut");
        assertThat(form.filled()).extracting(Registrations.Participant::row).containsExactly(0, 2, 3);
    }

    @Test
    void anEmptyFormNamesNoOne() {
        RegistrationForm form = RegistrationForm.empty();
        Errors errors = new BeanPropertyBindingResult(form, "form");
        RegistrationFormValidator.validate(form, errors);
        assertThat(errors.getFieldError("participants[0].nom").getDefaultMessage())
                .isEqualTo("Indiquez au moins un participant.");
        assertThat(form.participants()).hasSize(RegistrationForm.ROWS);
    }

    @Test
    void aFormWithoutRowsIsRefusedAsAWhole() {
        for (RegistrationForm form :
                List.of(new RegistrationForm(null), new RegistrationForm(java.util.Arrays.asList(null, null)))) {
            Errors errors = new BeanPropertyBindingResult(form, "form");
            RegistrationFormValidator.validate(form, errors);
            assertThat(errors.getGlobalError().getDefaultMessage()).isEqualTo("Indiquez au moins un participant.");
            assertThat(form.filled()).isEmpty();
        }
    }

    @Test
    void aSessionFormsRulesBetweenFields() {
        LocalDate today = LocalDate.parse("2027-01-01");
        SessionForm bad = new SessionForm(
                today, LocalTime.of(12, 0), LocalTime.of(9, 0), " ", false, 10, today.plusDays(3), null);
        Errors errors = new BeanPropertyBindingResult(bad, "form");
        SessionFormValidator.rules(bad, today, errors);
        assertThat(errors.getFieldError("date").getDefaultMessage()).contains("après aujourd'hui");
        assertThat(errors.getFieldError("fin").getDefaultMessage()).contains("suivre l'heure de début");
        assertThat(errors.getFieldError("lieu").getDefaultMessage()).contains("À distance");
        assertThat(errors.getFieldError("dateLimite").getDefaultMessage()).contains("précéder la session");

        SessionForm good = new SessionForm(
                today.plusDays(10), LocalTime.of(9, 0), LocalTime.of(12, 0), null, true, 10, today.plusDays(10), null);
        Errors none = new BeanPropertyBindingResult(good, "form");
        SessionFormValidator.rules(good, today, none);
        assertThat(none.hasErrors()).isFalse();

        SessionForm pastDeadline = new SessionForm(
                today.plusDays(10),
                LocalTime.of(9, 0),
                LocalTime.of(12, 0),
                "Melun",
                null,
                10,
                today.minusDays(1),
                null);
        Errors late = new BeanPropertyBindingResult(pastDeadline, "form");
        SessionFormValidator.rules(pastDeadline, today, late);
        assertThat(late.getFieldError("dateLimite").getDefaultMessage()).contains("déjà passée");
    }

    @Test
    void theConfirmationSaysWhoHasASeatAndWhoWaits() {
        assertThat(RegistrationMessages.confirmation(
                        new Registrations.Outcome(List.of("Anne"), List.of()), "12/01/2027"))
                .startsWith("1 participant a une place à la session du 12/01/2027 : Anne.")
                .doesNotContain("attente");
        assertThat(RegistrationMessages.confirmation(
                        new Registrations.Outcome(List.of(), List.of("Anne", "Bruno")), "12/01/2027"))
                .startsWith(
                        "La session du 12/01/2027 est complète : 2 participants sont inscrits sur la liste d'attente (Anne, Bruno).");
    }
}
