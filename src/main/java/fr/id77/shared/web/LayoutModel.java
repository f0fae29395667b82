package fr.id77.shared.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page (asset addresses), without any query. */
@ControllerAdvice
class LayoutModel {

    private final Assets assets;

    LayoutModel(Assets assets) {
        this.assets = assets;
    }

    @ModelAttribute("assets")
    Assets assets() {
        return assets;
    }
}
