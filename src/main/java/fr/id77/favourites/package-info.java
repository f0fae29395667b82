/** Favorites: the offers a signed-in person starred, shown on {@code /favoris} and on the catalogue's cards. */
@ApplicationModule(allowedDependencies = {"account", "catalogue", "shared"})
package fr.id77.favourites;

import org.springframework.modulith.ApplicationModule;
