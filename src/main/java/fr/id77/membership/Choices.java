package fr.id77.membership;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The fixed lists of the registration and profile forms. */
final class Choices {

    private Choices() {}

    enum Category {
        COMMUNE("Communes"),
        EPCI("EPCI"),
        SYNDICAT("Syndicats");
        final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    enum RepresentativeTitle {
        MAIRE("Maire"),
        PRESIDENT("Président(e)");
        final String label;

        RepresentativeTitle(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    enum Civility {
        MME("Madame", "Mme"),
        M("Monsieur", "M.");
        final String label;
        final String abbreviation;

        Civility(String label, String abbreviation) {
            this.label = label;
            this.abbreviation = abbreviation;
        }

        public String label() {
            return label;
        }

        public String abbreviation() {
            return abbreviation;
        }
    }

    /** The 23 cantons of Seine-et-Marne (since 2015). */
    enum Canton {
        CHAMPS_SUR_MARNE("Champs-sur-Marne"),
        CHELLES("Chelles"),
        CLAYE_SOUILLY("Claye-Souilly"),
        COMBS_LA_VILLE("Combs-la-Ville"),
        COULOMMIERS("Coulommiers"),
        LA_FERTE_SOUS_JOUARRE("La Ferté-sous-Jouarre"),
        FONTAINEBLEAU("Fontainebleau"),
        FONTENAY_TRESIGNY("Fontenay-Trésigny"),
        LAGNY_SUR_MARNE("Lagny-sur-Marne"),
        MEAUX("Meaux"),
        MELUN("Melun"),
        MITRY_MORY("Mitry-Mory"),
        MONTEREAU_FAULT_YONNE("Montereau-Fault-Yonne"),
        NANGIS("Nangis"),
        NEMOURS("Nemours"),
        OZOIR_LA_FERRIERE("Ozoir-la-Ferrière"),
        PONTAULT_COMBAULT("Pontault-Combault"),
        PROVINS("Provins"),
        SAINT_FARGEAU_PONTHIERRY("Saint-Fargeau-Ponthierry"),
        SAVIGNY_LE_TEMPLE("Savigny-le-Temple"),
        SERRIS("Serris"),
        TORCY("Torcy"),
        VILLEPARISIS("Villeparisis");
        final String label;

        Canton(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static <E extends Enum<E>> Map<String, String> options(Class<E> type, Function<E, String> label) {
        Map<String, String> options = new LinkedHashMap<>();
        Arrays.stream(type.getEnumConstants()).forEach(e -> options.put(e.name(), label.apply(e)));
        return options;
    }

    static Map<String, Map<String, String>> all() {
        return Map.of(
                "categories", options(Category.class, Category::label),
                "titles", options(RepresentativeTitle.class, RepresentativeTitle::label),
                "civilities", options(Civility.class, Civility::label),
                "cantons", options(Canton.class, Canton::label));
    }
}
