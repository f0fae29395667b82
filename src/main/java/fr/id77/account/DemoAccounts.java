package fr.id77.account;

import fr.id77.shared.devdb.EmbeddedDatabaseCondition;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo data (embedded database mode only): the staff accounts « admin » and « chefdefile ». */
@Component
@Conditional(EmbeddedDatabaseCondition.class)
@Order(10)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "Demo77-Demo77";
    private final Accounts accounts;

    DemoAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.createDemoAccount(
                new NewAccount(
                        "admin",
                        "admin@id77.example",
                        "MME",
                        "Claire",
                        "Administratrice",
                        "01 64 14 73 56",
                        Role.ADMIN,
                        null),
                PASSWORD);
        accounts.createDemoAccount(
                new NewAccount(
                        "chefdefile",
                        "chefdefile@id77.example",
                        "M",
                        "Paul",
                        "Chef de file",
                        "01 64 14 73 57",
                        Role.CHEF_DE_FILE,
                        null),
                PASSWORD);
    }
}
