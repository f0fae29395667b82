/** Infrastructure shared by every module: web layout, security, embedded database for local runs. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package fr.id77.shared;

import org.springframework.modulith.ApplicationModule;
