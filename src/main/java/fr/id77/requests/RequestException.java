package fr.id77.requests;

/** A refused action on a request, with a French message fit to show to the person who tried it. */
public class RequestException extends RuntimeException {

    public enum Kind { NOT_FOUND, FORBIDDEN, INVALID, CONFLICT }

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
        return new RequestException(Kind.FORBIDDEN, "Vous n'avez pas le droit de faire cette action sur cette demande.");
    }

    static RequestException forbidden(String message) {
        return new RequestException(Kind.FORBIDDEN, message);
    }

    static RequestException invalid(String message) {
        return new RequestException(Kind.INVALID, message);
    }

    static RequestException modifiedMeanwhile() {
        return new RequestException(Kind.CONFLICT, "La demande a été modifiée entre-temps : voici son état actuel.");
    }
}
