package fr.id77.shared.web;

import java.util.Arrays;
import java.util.Optional;

/**
 * One of a fixed set of choices that a page's address names by a word of its own ({@code tri=titre},
 * {@code periode=12mois}) and that the page shows with a label.
 */
public interface AddressChoice {

    /** The word in the address. */
    String getParam();

    /** What the page shows. */
    String getLabel();

    /** The choice of {@code type} named {@code param} in the address; empty for any other word or none. */
    static <E extends Enum<E> & AddressChoice> Optional<E> byParam(Class<E> type, String param) {
        return Arrays.stream(type.getEnumConstants())
                .filter(choice -> choice.getParam().equals(param))
                .findFirst();
    }
}
