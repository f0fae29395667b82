/**
 * Membership: collectivities, their adhesion, profile and technical referents. Other modules read it through
 * {@link fr.id77.membership.Collectivities}.
 */
@ApplicationModule(allowedDependencies = {"account", "shared"})
package fr.id77.membership;

import org.springframework.modulith.ApplicationModule;
