package fr.id77.requests;

import fr.id77.shared.time.WorkingDays;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway V45: the deadlines of the requests filed before V44, from their offer's targets (the default ten working
 * days then). A Java migration because the working days need the French public holidays, which {@link WorkingDays}
 * computes and SQL does not know: the due date is computed once per filing day (a few hundred days, not one per
 * request), then every request without deadlines takes its day's in one UPDATE. Spring Boot gives this bean to Flyway.
 */
@Component
class V45__request_due_dates extends BaseJavaMigration {

    private static final String FILED_ON = "(r.created_at AT TIME ZONE 'Europe/Paris')::date";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE request_due_backfill (filed_on DATE, answer_days INTEGER, "
                    + "completion_days INTEGER, answer_due DATE, completion_due DATE)");
            try (ResultSet days = statement.executeQuery("SELECT DISTINCT " + FILED_ON
                            + ", o.answer_days, o.completion_days FROM request r JOIN offer o ON o.id = r.offer_id "
                            + "WHERE r.answer_due IS NULL");
                    PreparedStatement insert =
                            connection.prepareStatement("INSERT INTO request_due_backfill VALUES (?, ?, ?, ?, ?)")) {
                while (days.next()) {
                    LocalDate filedOn = days.getDate(1).toLocalDate();
                    int answerDays = days.getInt(2);
                    Integer completionDays = days.getObject(3, Integer.class);
                    LocalDate completionDue = RequestDeadlines.due(filedOn, completionDays);
                    insert.setDate(1, Date.valueOf(filedOn));
                    insert.setInt(2, answerDays);
                    insert.setObject(3, completionDays);
                    insert.setDate(4, Date.valueOf(RequestDeadlines.due(filedOn, answerDays)));
                    insert.setDate(5, completionDue == null ? null : Date.valueOf(completionDue));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            statement.executeUpdate(
                    "UPDATE request r SET answer_due = b.answer_due, completion_due = b.completion_due, "
                            + "due_on = CASE r.status WHEN 'EN_ATTENTE' THEN b.answer_due WHEN 'EN_COURS' THEN b.completion_due END "
                            + "FROM offer o, request_due_backfill b WHERE o.id = r.offer_id AND b.filed_on = "
                            + FILED_ON
                            + " AND b.answer_days = o.answer_days AND b.completion_days IS NOT DISTINCT FROM o.completion_days"
                            + " AND r.answer_due IS NULL");
            statement.execute("DROP TABLE request_due_backfill");
        }
    }
}
