/**
 * Catalog: domains, thematics, typologies, organisations and offers, their search and administration. Other
 * modules read it through {@link fr.id77.catalog.Offers} and {@link fr.id77.catalog.CatalogueReference}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "shared"})
package fr.id77.catalog;
