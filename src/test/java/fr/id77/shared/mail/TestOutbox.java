package fr.id77.shared.mail;

import org.springframework.context.ApplicationContext;

/** Lets tests of any package run the outbox sender now, instead of waiting for its schedule. */
public final class TestOutbox {

    private TestOutbox() {}

    /** Runs one pass of the sender; returns how many mails it sent. */
    public static int sendDue(ApplicationContext context) {
        return context.getBean(OutboxSender.class).sendDue();
    }

    /** Runs passes until one sends nothing (at most 20). */
    public static int sendAllDue(ApplicationContext context) {
        int total = 0;
        for (int i = 0; i < 20; i++) {
            int sent = sendDue(context);
            total += sent;
            if (sent == 0) {
                break;
            }
        }
        return total;
    }
}
