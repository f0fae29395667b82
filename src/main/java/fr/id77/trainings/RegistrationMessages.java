package fr.id77.trainings;

import java.util.List;

/** What the member reads once participants are registered: who has a seat, who waits, said plainly. */
final class RegistrationMessages {

    private RegistrationMessages() {}

    static String confirmation(Registrations.Outcome outcome, String day) {
        List<String> confirmed = outcome.confirmed();
        List<String> waiting = outcome.waiting();
        StringBuilder message = new StringBuilder();
        if (!confirmed.isEmpty()) {
            message.append(count(confirmed.size()))
                    .append(confirmed.size() == 1 ? " a une place" : " ont une place")
                    .append(" à la session du ")
                    .append(day)
                    .append(" : ")
                    .append(String.join(", ", confirmed))
                    .append('.');
        }
        if (!waiting.isEmpty()) {
            if (!message.isEmpty()) {
                message.append(' ');
            }
            message.append(
                            confirmed.isEmpty()
                                    ? "La session du " + day + " est complète : "
                                    : "La session est désormais complète : ")
                    .append(count(waiting.size()))
                    .append(waiting.size() == 1 ? " est inscrit" : " sont inscrits")
                    .append(" sur la liste d'attente (")
                    .append(String.join(", ", waiting))
                    .append(
                            "). Si une place se libère, elle est attribuée dans l'ordre d'inscription et le participant "
                                    + "reçoit un courriel.");
        }
        message.append(" Chaque participant reçoit un courriel.");
        return message.toString();
    }

    private static String count(int n) {
        return n == 1 ? "1 participant" : n + " participants";
    }
}
