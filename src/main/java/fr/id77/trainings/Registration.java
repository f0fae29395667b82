package fr.id77.trainings;

import java.time.Instant;

/** A participant registered for a session by his collectivity, as the lists show him. */
record Registration(
        long id,
        long sessionId,
        long collectivityId,
        String collectivityName,
        String name,
        String function,
        String email,
        Status status,
        Instant createdAt,
        Boolean attended) {

    enum Status {
        CONFIRMED("Inscrit"),
        WAITING("Liste d'attente"),
        CANCELLED("Annulé");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean isConfirmed() {
        return status == Status.CONFIRMED;
    }

    public boolean isWaiting() {
        return status == Status.WAITING;
    }

    public boolean isCancelled() {
        return status == Status.CANCELLED;
    }
}
