package fr.id77.notifications;

import fr.id77.account.AccountStatus;
import fr.id77.account.AccountSummary;
import fr.id77.membership.ReferentSummary;
import fr.id77.shared.mail.MailOutbox;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Tells people of one event, on the channels each of them kept: an in-app notification and/or a mail
 * written to the outbox, both in the caller's transaction. The actor is never told of their own action,
 * inactive accounts are never told, and each person is told once per channel whatever the roles they
 * hold on the request.
 */
@Component
class Notifier {

    /**
     * What to say: {@code title} is the list's heading and the mail's subject (after « ID77 – »),
     * {@code body} one or two sentences, {@code quote} the reason or the message written (may be null),
     * {@code link} the page of the application it is about.
     */
    record Message(
            NotificationEvent event,
            Long requestId,
            Integer numero,
            String title,
            String body,
            String quote,
            String link,
            String linkLabel) {}

    private final NotificationStore store;
    private final MailOutbox mail;
    private final DailyDigest digest;

    Notifier(NotificationStore store, MailOutbox mail, DailyDigest digest) {
        this.store = store;
        this.mail = mail;
        this.digest = digest;
    }

    /** Tells {@code recipients} (but never {@code actorId}) of {@code message}; returns how many people were told. */
    int tell(Collection<AccountSummary> recipients, Long actorId, Message message) {
        Map<Long, AccountSummary> people = new LinkedHashMap<>();
        for (AccountSummary r : recipients) {
            if (r.status() == AccountStatus.ACTIVE && (actorId == null || r.id() != actorId)) {
                people.putIfAbsent(r.id(), r);
            }
        }
        if (people.isEmpty()) {
            return 0;
        }
        Map<Channel, Set<Long>> off = store.optedOut(people.keySet(), message.event());
        Set<Long> inDigest = digest.chosenBy(people.keySet(), message.event());
        String body = message.quote() == null ? message.body() : message.body() + "\n" + message.quote();
        for (AccountSummary person : people.values()) {
            if (!off.get(Channel.APP).contains(person.id())) {
                store.add(
                        person.id(),
                        message.event(),
                        message.requestId(),
                        message.numero(),
                        message.title(),
                        body,
                        message.link());
            }
            if (off.get(Channel.EMAIL).contains(person.id())) {
                continue;
            }
            if (inDigest.contains(person.id())) {
                digest.keep(person.id(), message, body);
            } else if (person.email() != null && !person.email().isBlank()) {
                Map<String, Object> vars = mailOf(person.displayName(), message);
                vars.put("linkLabel", message.linkLabel());
                vars.put("eventLabel", message.event().getLabel());
                vars.put("settingsLink", mail.link("/notifications/parametres"));
                mail.enqueue(person.email(), "ID77 – " + message.title(), "notification", vars);
            }
        }
        return people.size();
    }

    /**
     * Mails {@code message} to a technical referent whose collectivity ticked « Envoyer à ce contact les e-mails des
     * demandes qu'il suit »: he may have no account, so no in-app notification and no settings, but a link to
     * unsubscribe without signing in. Nothing when the same address is among {@code alsoTold} (no mail twice).
     */
    void mailReferent(ReferentSummary referent, Collection<String> alsoTold, Message message) {
        if (!referent.mailOptIn()
                || referent.removed()
                || referent.email() == null
                || referent.email().isBlank()
                || alsoTold.stream().anyMatch(referent.email()::equalsIgnoreCase)) {
            return;
        }
        Map<String, Object> vars = mailOf(referent.fullName(), message);
        vars.put("unsubscribeLink", mail.link("/contacts/desabonnement/" + referent.unsubscribeToken()));
        mail.enqueue(referent.email(), "ID77 – " + message.title(), "notification-referent", vars);
    }

    /** What every mail of a message says, to {@code name}: its title, sentence, quote and the link to its page. */
    private Map<String, Object> mailOf(String name, Message message) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("name", name);
        vars.put("title", message.title());
        vars.put("body", message.body());
        vars.put("quote", message.quote());
        vars.put("link", mail.link(message.link()));
        return vars;
    }
}
