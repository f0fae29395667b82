package fr.id77.shared.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The one place where submitted text loses its control characters: every String bound by any controller
 * (request parameters, form records, path variables) goes through {@link InputSanitizer#stripControls}, so a
 * NUL or an escape sequence typed or pasted into any form never reaches a page, a mail or PostgreSQL.
 */
@ControllerAdvice
class ControlCharactersBinding {

    @InitBinder
    void stripControls(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(InputSanitizer.stripControls(text));
            }

            @Override
            public String getAsText() {
                Object value = getValue();
                return value == null ? "" : value.toString();
            }
        });
    }
}
