/**
 * Account: ID77 accounts (members of collectivities, chefs de file, administrators), sign-in, passwords,
 * one-time links. Depends on no other business module: membership and the others call {@link fr.id77.account.Accounts}.
 */
@ApplicationModule(allowedDependencies = "shared")
package fr.id77.account;

import org.springframework.modulith.ApplicationModule;
