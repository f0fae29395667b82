package fr.id77;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** ID77: the one-stop shop of the Seine-et-Marne département's engineering offers. */
@SpringBootApplication
@EnableScheduling
public class Id77Application {

    public static void main(String[] args) {
        SpringApplication.run(Id77Application.class, args);
    }
}
