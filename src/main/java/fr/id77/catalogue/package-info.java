/**
 * Catalog: domains, thematics, typologies, organisations and offers, their search and administration. Other
 * modules read it through {@link fr.id77.catalogue.Offers} and {@link fr.id77.catalogue.CatalogueReference}.
 */
@ApplicationModule(allowedDependencies = {"account", "shared"})
package fr.id77.catalogue;

import org.springframework.modulith.ApplicationModule;
