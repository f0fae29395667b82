package fr.id77.shared.web;

/**
 * A part of a page that another module contributes without the page's module knowing it (the offer page shows an
 * exhibition's availability or a training's sessions; a request page shows its booking): the Thymeleaf
 * {@code template} and {@code fragment} to insert, which receives {@code data} as its only parameter.
 *
 * @param template the template holding the fragment, e.g. {@code loans/sections}
 * @param fragment the fragment's name, e.g. {@code availability}; it is declared {@code th:fragment="name(data)"}
 * @param data what the fragment shows (a record of the contributing module)
 */
public record PageSection(String template, String fragment, Object data) {}
