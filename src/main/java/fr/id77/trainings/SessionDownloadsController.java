package fr.id77.trainings;

import fr.id77.account.CurrentUser;
import fr.id77.shared.export.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A session's attendance sheet (PDF) and its participants (CSV / XLSX), for the staff who manage it. */
@Controller
class SessionDownloadsController {

    private final SessionAdmin admin;
    private final SessionStore store;
    private final Downloads downloads;

    SessionDownloadsController(SessionAdmin admin, SessionStore store, Downloads downloads) {
        this.admin = admin;
        this.store = store;
        this.downloads = downloads;
    }

    @GetMapping("/gestion/sessions/{id}/emargement.pdf")
    ResponseEntity<byte[]> attendanceSheet(@PathVariable long id, CurrentUser user) {
        SessionStaffController.staff(user);
        Session session = admin.managed(user, id);
        List<Registration> confirmed = store.registrations(id).stream()
                .filter(Registration::isConfirmed)
                .toList();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        AttendanceSheet.write(session, confirmed, pdf);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("emargement-" + session.offerCode() + "-session-" + id + ".pdf")
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf.toByteArray());
    }

    @GetMapping("/gestion/sessions/{id}/participants.{extension}")
    void participants(
            @PathVariable long id, @PathVariable String extension, CurrentUser user, HttpServletResponse response)
            throws IOException {
        SessionStaffController.staff(user);
        Session session = admin.managed(user, id);
        List<Registration> registrations = store.registrations(id);
        downloads.send(response, extension, "participants-session-" + id, "Participants", rows -> {
            rows.row(
                    "Offre",
                    "Date",
                    "Lieu",
                    "Participant",
                    "Fonction",
                    "Collectivité",
                    "E-mail",
                    "Statut",
                    "Inscrit le",
                    "Présent");
            for (Registration r : registrations) {
                rows.row(
                        session.offerCode() + " – " + session.offerTitle(),
                        session.startsAt(),
                        session.placeLabel(),
                        r.name(),
                        r.function(),
                        r.collectivityName(),
                        r.email(),
                        r.status().label(),
                        r.createdAt(),
                        r.attended());
            }
        });
    }
}
