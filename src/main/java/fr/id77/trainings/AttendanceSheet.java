package fr.id77.trainings;

import java.awt.Color;
import java.io.OutputStream;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The attendance sheet of a session (OpenPDF): the offer, date and place as its header, then one row per participant
 * with a seat — name, function, collectivity — and an empty box to sign, the header row repeated on every page.
 */
final class AttendanceSheet {

    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD, new Color(11, 47, 91));
    private static final Font TEXT = new Font(Font.HELVETICA, 10);
    private static final Font HEAD = new Font(Font.HELVETICA, 10, Font.BOLD, Color.WHITE);
    private static final Color HEAD_BACKGROUND = new Color(13, 91, 181);

    private AttendanceSheet() {}

    static void write(Session session, List<Registration> confirmed, OutputStream out) {
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle("Feuille d'émargement – " + session.offerCode() + " – " + session.day());
        document.addCreator("ID77");
        document.open();
        document.add(new Paragraph("Feuille d'émargement", TITLE));
        document.add(new Paragraph(session.offerCode() + " – " + session.offerTitle(), TEXT));
        document.add(new Paragraph("Date : " + capitalized(session.when()), TEXT));
        document.add(new Paragraph("Lieu : " + session.placeLabel(), TEXT));
        document.add(new Paragraph(
                "Participants inscrits : " + confirmed.size() + " (" + session.seats() + " places)", TEXT));
        document.add(new Paragraph(" ", TEXT));

        PdfPTable table = new PdfPTable(new float[] {28, 22, 28, 22});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String head : List.of("Nom", "Fonction", "Collectivité", "Signature")) {
            PdfPCell cell = new PdfPCell(new Phrase(head, HEAD));
            cell.setBackgroundColor(HEAD_BACKGROUND);
            cell.setPadding(5);
            table.addCell(cell);
        }
        for (Registration r : confirmed) {
            for (String value : List.of(r.name(), r.function(), r.collectivityName(), "")) {
                PdfPCell cell = new PdfPCell(new Phrase(value, TEXT));
                cell.setMinimumHeight(32);
                cell.setPadding(5);
                cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
                table.addCell(cell);
            }
        }
        document.add(table);
        document.close();
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
