package fr.id77.trainings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a session is cancelled: told to every participant and collectivity. */
record CancelSessionForm(
        @NotBlank(message = "Indiquez le motif de l'annulation : il est envoyé aux participants.")
        @Size(max = 2000, message = "Le motif dépasse 2 000 caractères : raccourcissez-le.")
        String motif) {}
