package fr.id77.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Versions of the WebJars the layout links to, read once (templates use {@code @assets}). */
@Component
public class Assets {

    private final String bootstrap;
    private final String htmx;

    Assets(@Value("${id77.assets.bootstrap}") String bootstrap, @Value("${id77.assets.htmx}") String htmx) {
        this.bootstrap = bootstrap;
        this.htmx = htmx;
    }

    public String getBootstrapCss() {
        return "/webjars/bootstrap/" + bootstrap + "/css/bootstrap.min.css";
    }

    public String getHtmxJs() {
        return "/webjars/htmx.org/" + htmx + "/dist/htmx.min.js";
    }
}
