package fr.id77.dashboard;

import fr.id77.account.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff's dashboards: {@code /admin} (admins only, as every {@code /admin} address) and {@code /tableau-de-bord}
 * (chefs de file, and admins for themselves): both refused to members by the security configuration.
 */
@Controller
class DashboardController {

    private final AdminDashboard admin;
    private final ChefDashboard chef;

    DashboardController(AdminDashboard admin, ChefDashboard chef) {
        this.admin = admin;
        this.chef = chef;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        model.addAttribute("d", admin.view());
        return "dashboard/admin";
    }

    @GetMapping("/tableau-de-bord")
    String chef(CurrentUser user, Model model) {
        model.addAttribute("d", chef.view(user.id()));
        return "dashboard/chef";
    }
}
