package fr.id77.notifications;

/** Where a person is told: in the application (the envelope) or by e-mail. */
enum Channel {
    APP("sur ID77"),
    EMAIL("par e-mail");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
