package fr.id77.requests;

/**
 * An action on a request that the actor may not take, as opposed to a refusal of what they asked
 * ({@link fr.id77.shared.web.FieldRefusal}): either the request is hidden from them, answered exactly like a
 * request that does not exist (404), or they see it but this action is not theirs. The two kinds stay
 * apart because the web layer answers them differently (a 404 page vs a message on the request's page).
 */
public class RequestException extends RuntimeException {

    public enum Kind {
        NOT_FOUND,
        FORBIDDEN
    }

    private final Kind kind;

    RequestException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static RequestException notFound() {
        return new RequestException(Kind.NOT_FOUND, "Cette demande n'existe pas.");
    }

    static RequestException forbidden() {
        return new RequestException(
                Kind.FORBIDDEN, "Vous n'avez pas le droit de faire cette action sur cette demande.");
    }

    static RequestException forbidden(String message) {
        return new RequestException(Kind.FORBIDDEN, message);
    }
}
