package fr.id77.shared.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceChainRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Where static files are served: {@code /css}, {@code /js}, {@code /img} (named by their content, id77-&lt;hash&gt;.css),
 * {@code /webjars} (versioned by their path) and {@code /favicon.svg}, kept a year by browsers. Only these addresses,
 * not Spring Boot's default {@code /**}: every link a page writes ({@code @{/demandes/12}}) goes through the resource
 * URL filter, which looked each one up among the static files, inside the jar, before finding it was a page — most of
 * the CPU of a signed-in page at scale (issue 13; ENGINEERING.md « Speed » saw the same in petclinic). Links to pages now
 * match no static address and cost nothing; links to static files are resolved once and cached.
 */
@Configuration(proxyBeanMethods = false)
class StaticFiles implements WebMvcConfigurer {

    private static final CacheControl A_YEAR =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] {"css", "js", "img"}) {
            serve(registry, "/" + folder + "/**", "classpath:/static/" + folder + "/")
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
        serve(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/");
        serve(registry, "/favicon.svg", "classpath:/static/");
    }

    /** Files under {@code pattern} from {@code location}, kept a year; resolved once, then cached. */
    private static ResourceChainRegistration serve(ResourceHandlerRegistry registry, String pattern, String location) {
        return registry.addResourceHandler(pattern)
                .addResourceLocations(location)
                .setCacheControl(A_YEAR)
                .setUseLastModified(false)
                .resourceChain(true);
    }
}
