package fr.id77.catalog;

import fr.id77.catalog.CatalogueAdmin.FormChoices;
import fr.id77.catalog.CatalogueAdminForms.OfferForm;
import fr.id77.catalog.CatalogueReference.DomainRef;
import fr.id77.catalog.CatalogueReference.ThematicRef;
import fr.id77.shared.web.InputSanitizer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * When another admin saved an offer first, the form comes back with the current values; what this admin
 * had typed differently is listed beside it, so nothing typed is lost and nothing is overwritten.
 */
final class OfferConflict {

    /** A field where the typed value differs from the saved one: its label and the typed value, as text. */
    record Typed(String label, String value) implements Serializable {
    }

    private OfferConflict() {
    }

    static List<Typed> differences(OfferForm typed, OfferForm current, FormChoices choices, CatalogueReference reference) {
        List<Typed> out = new ArrayList<>();
        text(out, "Identifiant", typed.code(), current.code());
        text(out, "Titre", typed.title(), current.title());
        text(out, "Résumé", typed.summary(), current.summary());
        text(out, "Description", typed.description(), current.description());
        choice(out, "Typologie", typed.typology(), current.typology(), choices.typologies());
        list(out, "Domaines", typed.domains(), current.domains(), id -> label(reference.domain(id), DomainRef::label));
        list(out, "Thématiques", typed.thematics(), current.thematics(), id -> label(reference.thematic(id), ThematicRef::label));
        choice(out, "Organisme porteur", typed.organisation(), current.organisation(), choices.organisations());
        if (!Objects.equals(typed.chefDeFile(), current.chefDeFile())) {
            out.add(new Typed("Chef de file", CatalogueAdminForms.blank(typed.chefDeFile()) ? "Aucun"
                    : choices.chefs().getOrDefault(typed.chefDeFile(), "?")));
        }
        text(out, "Infos pratiques", typed.practicalInfo(), current.practicalInfo());
        if (!CatalogueAdmin.keywords(typed.keywords()).equals(CatalogueAdmin.keywords(current.keywords()))) {
            out.add(new Typed("Mots-clés", typed.keywords()));
        }
        choice(out, "Facturation", typed.billed(), current.billed(), choices.billing());
        if (typed.isPublished() != current.isPublished()) {
            out.add(new Typed("Publication", typed.isPublished() ? "Publiée" : "Non publiée"));
        }
        return out;
    }

    private static void text(List<Typed> out, String label, String typed, String current) {
        String t = InputSanitizer.cleanLines(typed, Integer.MAX_VALUE);
        if (!t.equals(InputSanitizer.cleanLines(current, Integer.MAX_VALUE))) {
            out.add(new Typed(label, t.isEmpty() ? "(vide)" : t));
        }
    }

    private static void choice(List<Typed> out, String label, String typed, String current, Map<String, String> labels) {
        if (!Objects.equals(typed, current)) {
            out.add(new Typed(label, CatalogueAdminForms.blank(typed) ? "(aucun choix)" : labels.getOrDefault(typed, "?")));
        }
    }

    private static void list(List<Typed> out, String label, List<String> typed, List<String> current,
                             Function<Short, String> name) {
        if (!new HashSet<>(typed).equals(new HashSet<>(current))) {
            out.add(new Typed(label, typed.isEmpty() ? "(aucun)" : String.join(", ", typed.stream().map(id -> {
                Long n = CatalogueAdminForms.number(id);
                return n == null || n > Short.MAX_VALUE ? "?" : name.apply(n.shortValue());
            }).toList())));
        }
    }

    private static <T> String label(T ref, Function<T, String> label) {
        return ref == null ? "?" : label.apply(ref);
    }
}
