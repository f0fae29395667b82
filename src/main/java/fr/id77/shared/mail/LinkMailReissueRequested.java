package fr.id77.shared.mail;

/**
 * An admin asked to send again a mail that carried a single-use link and failed: its body is gone (no live link
 * is kept), so the module that owns the link ({@code kind}, given to {@link MailOutbox#enqueueWithLink}) issues a
 * fresh link and queues a new mail, in the same transaction. {@code subject} and {@code recipient} are the old mail's.
 */
public record LinkMailReissueRequested(String kind, long owner, String recipient, String subject) {}
