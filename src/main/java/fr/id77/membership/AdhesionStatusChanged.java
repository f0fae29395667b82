package fr.id77.membership;

/**
 * An admin decided on a collectivity's adhesion (validated, refused, suspended, reactivated), published in
 * the transaction of the decision: the audit module records it. {@code reason} is what the admin wrote, or null.
 */
public record AdhesionStatusChanged(
        long collectivityId,
        String collectivityName,
        AdhesionStatus from,
        AdhesionStatus to,
        String reason,
        long actorId) {}
