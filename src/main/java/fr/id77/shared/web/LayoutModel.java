package fr.id77.shared.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page needs (asset addresses, date formats), without any query. */
@ControllerAdvice
class LayoutModel {

    private final Assets assets;
    private final DateFormats dateFormats;

    LayoutModel(Assets assets, DateFormats dateFormats) {
        this.assets = assets;
        this.dateFormats = dateFormats;
    }

    @ModelAttribute("fmt")
    DateFormats fmt() {
        return dateFormats;
    }

    @ModelAttribute("assets")
    Assets assets() {
        return assets;
    }
}
