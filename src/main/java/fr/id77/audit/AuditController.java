package fr.id77.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins: « Journal des décisions », read-only (there is no route to change or remove an entry). */
@Controller
class AuditController {

    private static final Map<String, String> ACTIONS = new LinkedHashMap<>();

    static {
        for (AuditAction a : AuditAction.values()) {
            ACTIONS.put(a.name(), a.subject().label() + " : " + a.label());
        }
    }

    private final AuditJournal journal;

    AuditController(AuditJournal journal) {
        this.journal = journal;
    }

    @GetMapping("/admin/journal")
    String journal(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String objet,
            @RequestParam(required = false) String du,
            @RequestParam(required = false) String au,
            @RequestParam(required = false) String page,
            Model model) {
        AuditQuery query = AuditQuery.from(action, objet, du, au, page);
        model.addAttribute("query", query);
        model.addAttribute("result", journal.page(query));
        model.addAttribute("actions", ACTIONS);
        return "audit/journal";
    }
}
