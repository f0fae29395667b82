/** Infrastructure shared by every module: web layout, security, embedded database for local runs. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package fr.id77.shared;
