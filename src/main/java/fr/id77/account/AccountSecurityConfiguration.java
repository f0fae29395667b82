package fr.id77.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How passwords are hashed and checked (bcrypt through the delegating encoder, so the scheme can evolve). */
@Configuration(proxyBeanMethods = false)
class AccountSecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider authenticationProvider(
            UserAccountRepository users,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            CollectivityStanding collectivities) {
        DaoAuthenticationProvider dao =
                new DaoAuthenticationProvider(new AccountUserDetailsService(users, collectivities));
        dao.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(dao, throttle, users);
    }
}
