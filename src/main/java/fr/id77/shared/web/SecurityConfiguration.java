package fr.id77.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/** Who may see what: the catalogue and information pages are public, everything else needs a signed-in account. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] PUBLIC = {
        "/",
        "/offres/**",
        "/contact",
        "/mentions-legales",
        "/accessibilite",
        "/connexion",
        "/inscription",
        "/inscription/**",
        "/mot-de-passe-oublie",
        "/mot-de-passe-oublie/**",
        "/mot-de-passe/**",
        "/contacts/desabonnement/**",
        "/calendriers/**",
        "/courriels",
        "/css/**",
        "/img/**",
        "/js/**",
        "/webjars/**",
        "/favicon.ico",
        "/favicon.svg",
        "/error"
    };

    /**
     * No Micrometer observation around each of Spring Security's filters: on a signed-in page it wrapped a dozen
     * filters in observation objects and names built per request (a tenth of the CPU of a list page), for spans
     * nobody collects; request latencies stay measured once per request by the HTTP server metrics.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Addresses.UnknownAddress unknownAddress)
            throws Exception {
        http.addFilterBefore(UploadLimits.anonymousUploadsRefused(), CsrfFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers(StaffLanding.CHEF_HOME)
                        .hasAnyRole("CHEF_DE_FILE", "ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/connexion")
                        .loginProcessingUrl("/connexion")
                        .usernameParameter("identifiant")
                        .passwordParameter("motDePasse")
                        .successHandler(new StaffLanding())
                        .failureUrl("/connexion?erreur")
                        .permitAll())
                // no page there: the 404 page for everyone rather than the sign-in page or a refusal; asked only
                // when access is refused, so an allowed page costs no second look-up of its controller
                .exceptionHandling(refused -> refused.authenticationEntryPoint(
                                unknownAddress.notFoundOr(new LoginUrlAuthenticationEntryPoint("/connexion")))
                        .accessDeniedHandler(unknownAddress.notFoundOr(new AccessDeniedHandlerImpl())))
                .logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessUrl("/connexion?deconnecte"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                                        + "frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
