package fr.id77.catalogue;

import fr.id77.catalogue.CatalogueQuery.CodeKey;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identifiers of offers (« O37 », « F176 », « R02 »: a letter and a number): how a typed one is written, which
 * offer already holds one, and the next free one of each letter that the offer form suggests.
 */
@Component
class OfferCodes {

    static final String FORMAT = "L'identifiant est une lettre suivie de 1 à 4 chiffres, par exemple O01, F176 ou R02.";

    /** The offer that holds a code. */
    record Holder(String code, String title) {}

    private final JdbcClient jdbc;

    OfferCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** « z 7 », « Z007 » → « Z07 »; empty when the text is not a letter and a number from 1 to 9999. */
    static Optional<String> normalized(String typed) {
        return CodeKey.parse(typed).filter(k -> k.number() > 0).map(k -> write(k.letter(), k.number()));
    }

    /** O7 and O007 are both written O07, as in the initial catalogue. */
    static String write(String letter, int number) {
        return letter + (number < 10 ? "0" : "") + number;
    }

    /**
     * The next free code of each letter after the highest one used, O (ingénierie), F (formations) and R (expositions)
     * first, then the other letters in alphabetical order.
     */
    static List<String> nextFree(Map<String, Integer> highestByLetter) {
        return highestByLetter.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> rank(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> write(e.getKey(), e.getValue() + 1))
                .toList();
    }

    private static int rank(String letter) {
        int rank = "OFR".indexOf(letter);
        return rank < 0 ? 3 : rank;
    }

    /** The next free code of each letter in use (see {@link #nextFree(Map)}). */
    @Transactional(readOnly = true)
    List<String> nextFree() {
        Map<String, Integer> highest = new HashMap<>();
        jdbc.sql("SELECT code_letter, max(code_number) FROM offer GROUP BY code_letter")
                .query((rs, n) -> highest.put(rs.getString(1), rs.getInt(2)))
                .list();
        return nextFree(highest);
    }

    /** The offer other than {@code exceptOffer} (null for none) holding this code, written as {@link #normalized}. */
    @Transactional(readOnly = true)
    Optional<Holder> holder(String code, Long exceptOffer) {
        CodeKey key = CodeKey.parse(code).orElseThrow();
        return jdbc.sql("SELECT code, title FROM offer WHERE code_letter = :l AND code_number = :n AND id <> :self")
                .param("l", key.letter())
                .param("n", key.number())
                .param("self", exceptOffer == null ? -1L : exceptOffer)
                .query((rs, n) -> new Holder(rs.getString(1), rs.getString(2)))
                .optional();
    }
}
