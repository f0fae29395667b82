package fr.id77.loans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL itself refuses two confirmed loans of one copy that overlap, transport days included: plain SQL, no Java
 * rule in between (the constraint {@code loan_booking_no_overlap} of V57).
 */
@SpringBootTest
class LoanConstraintTests {

    @Autowired
    JdbcClient jdbc;

    long offerId;
    long copy;
    long otherCopy;
    int next = 900_000 + (int) (System.nanoTime() % 50_000) * 2;

    @BeforeEach
    void exhibition() {
        offerId = jdbc.sql("SELECT id FROM offer WHERE code = 'R10'")
                .query(Long.class)
                .single();
        jdbc.sql("DELETE FROM loan_booking WHERE offer_id = :o")
                .param("o", offerId)
                .update();
        jdbc.sql("INSERT INTO exhibition (offer_id) VALUES (:o) ON CONFLICT DO NOTHING")
                .param("o", offerId)
                .update();
        copy = newCopy("A");
        otherCopy = newCopy("B");
    }

    private long newCopy(String label) {
        return jdbc.sql("INSERT INTO exhibition_copy (offer_id, label) VALUES (:o, :l) RETURNING id")
                .param("o", offerId)
                .param("l", label + System.nanoTime())
                .query(Long.class)
                .single();
    }

    private void insert(long copyId, String start, String end, int buffer, String status) {
        int numero = next++;
        jdbc.sql("INSERT INTO loan_booking (request_id, request_numero, offer_id, collectivity_id, copy_id, starts_on, "
                        + "ends_on, buffer_days, status) VALUES (:r, :n, :o, 1, :c, :s, :e, :b, :status)")
                .param("r", -numero)
                .param("n", numero)
                .param("o", offerId)
                .param("c", copyId)
                .param("s", LocalDate.parse(start))
                .param("e", LocalDate.parse(end))
                .param("b", buffer)
                .param("status", status)
                .update();
    }

    @Test
    void twoConfirmedLoansOfOneCopyThatOverlapAreRefused() {
        insert(copy, "2030-03-10", "2030-03-20", 0, "CONFIRMED");
        assertThatThrownBy(() -> insert(copy, "2030-03-20", "2030-03-30", 0, "CONFIRMED"))
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(LoanBookings.isExclusionViolation(e)).isTrue())
                .hasMessageContaining("loan_booking_no_overlap");
    }

    @Test
    void theTransportDaysOfBothLoansCount() {
        insert(copy, "2030-05-10", "2030-05-20", 3, "CONFIRMED"); // holds 7 to 23 May
        // starting on 26 May with 3 days, it would hold from 23 May
        assertThatThrownBy(() -> insert(copy, "2030-05-26", "2030-06-05", 3, "CONFIRMED"))
                .satisfies(e -> assertThat(LoanBookings.isExclusionViolation(e)).isTrue());
        insert(copy, "2030-05-27", "2030-06-05", 3, "CONFIRMED"); // holds from 24 May
        assertThat(confirmed()).isEqualTo(2);
    }

    @Test
    void anotherCopyWishesAndReleasedLoansDoNotCount() {
        insert(copy, "2030-07-10", "2030-07-20", 0, "CONFIRMED");
        insert(otherCopy, "2030-07-10", "2030-07-20", 0, "CONFIRMED");
        insert(copy, "2030-07-12", "2030-07-18", 0, "WISHED");
        insert(copy, "2030-07-12", "2030-07-18", 0, "RELEASED");
        assertThat(confirmed()).isEqualTo(2);
        // confirming the wish later is refused too: an UPDATE is checked like an INSERT
        assertThatThrownBy(() -> jdbc.sql("UPDATE loan_booking SET status = 'CONFIRMED' WHERE offer_id = :o "
                                + "AND status = 'WISHED'")
                        .param("o", offerId)
                        .update())
                .satisfies(e -> assertThat(LoanBookings.isExclusionViolation(e)).isTrue());
    }

    @Test
    void aConfirmedLoanNeedsACopyAndEndsAfterItStarts() {
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO loan_booking (request_id, request_numero, offer_id, "
                                + "collectivity_id, starts_on, ends_on, status) VALUES (-1, -1, :o, 1, "
                                + "DATE '2030-01-10', DATE '2030-01-12', 'CONFIRMED')")
                        .param("o", offerId)
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> insert(copy, "2030-01-10", "2030-01-09", 0, "WISHED"))
                .isInstanceOf(DataAccessException.class);
    }

    private long confirmed() {
        return jdbc.sql("SELECT count(*) FROM loan_booking WHERE offer_id = :o AND status = 'CONFIRMED'")
                .param("o", offerId)
                .query(Long.class)
                .single();
    }
}
