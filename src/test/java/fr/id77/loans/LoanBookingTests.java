package fr.id77.loans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.id77.catalogue.Offers;
import fr.id77.requests.RequestStatus;
import fr.id77.requests.RequestWorkflow;
import fr.id77.shared.web.FieldRefusal;
import fr.id77.support.RequestRows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A booking follows its request: filed with it (or not at all), confirmed when it is accepted, released when it is
 * rejected or cancelled, shortened when completed early; a confirmation no copy is free for aborts the acceptance.
 */
@SpringBootTest
class LoanBookingTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoanBookings bookings;

    @Autowired
    RequestWorkflow workflow;

    @Autowired
    Offers offers;

    LocalDate today() {
        return bookings.today();
    }

    private int book(LoanPeople p, boolean otherCommune, int fromDay, int toDay) {
        return bookings.book(
                otherCommune ? p.otherActor() : p.memberActor(),
                offers.publishedByCode(p.code()).orElseThrow(),
                today().plusDays(fromDay),
                today().plusDays(toDay),
                otherCommune ? p.other().referentId() : p.commune().referentId(),
                "Pour la médiathèque.",
                null);
    }

    private void move(int numero, RequestStatus to, LoanPeople p) {
        workflow.changeStatus(numero, to, "motif", RequestRows.version(jdbc, numero), p.chefActor());
    }

    private String status(int numero) {
        return jdbc.sql("SELECT status FROM loan_booking WHERE request_numero = :n")
                .param("n", numero)
                .query(String.class)
                .single();
    }

    private String requestStatus(int numero) {
        return jdbc.sql("SELECT status FROM request WHERE numero = :n")
                .param("n", numero)
                .query(String.class)
                .single();
    }

    @Test
    void filingRecordsTheWishedPeriodWithTheRequest() {
        LoanPeople p = LoanPeople.around(jdbc, "R11", 1);
        int numero = book(p, false, 20, 34);
        LoanBookings.Booking booking = bookings.byNumero(numero).orElseThrow();
        assertThat(booking.status()).isEqualTo(LoanBookings.Status.WISHED);
        assertThat(booking.copyId()).isNull();
        assertThat(booking.period()).isEqualTo(new LoanRules.Period(today().plusDays(20), today().plusDays(34)));
        assertThat(booking.collectivityId()).isEqualTo(p.commune().id());
        assertThat(booking.chefDeFileId()).isEqualTo(p.chef().id());
        assertThat(requestStatus(numero)).isEqualTo("EN_ATTENTE");
    }

    @Test
    void aTakenPeriodIsRefusedWithTheNextFreeOnesAndNothingIsFiled() {
        LoanPeople p = LoanPeople.around(jdbc, "R12", 1);
        book(p, false, 20, 34);
        long requestsBefore =
                jdbc.sql("SELECT count(*) FROM request").query(Long.class).single();
        assertThatThrownBy(() -> book(p, true, 25, 31))
                .isInstanceOf(FieldRefusal.class)
                .hasMessageContaining("Aucun exemplaire n'est libre")
                .hasMessageContaining("Prochaines périodes libres de la même durée : "
                        + new LoanRules.Period(today().plusDays(41), today().plusDays(47)).label());
        assertThat(jdbc.sql("SELECT count(*) FROM request").query(Long.class).single())
                .isEqualTo(requestsBefore);
        // the proposed period is free: the other commune books it
        int next = book(p, true, 41, 47);
        assertThat(status(next)).isEqualTo("WISHED");
    }

    @Test
    void acceptingConfirmsOnACopyRejectingReleasesAndReopeningConfirmsAgain() {
        LoanPeople p = LoanPeople.around(jdbc, "R13", 1);
        int numero = book(p, false, 20, 34);
        move(numero, RequestStatus.EN_COURS, p);
        LoanBookings.Booking booking = bookings.byNumero(numero).orElseThrow();
        assertThat(booking.status()).isEqualTo(LoanBookings.Status.CONFIRMED);
        assertThat(booking.copyId()).isEqualTo(p.copies().getFirst());
        assertThat(booking.bufferDays()).isEqualTo(3);
        assertThat(bookings.check(p.offerId(), booking.period()).free()).isFalse();

        move(numero, RequestStatus.REJETEE, p);
        assertThat(status(numero)).isEqualTo("RELEASED");
        assertThat(bookings.check(p.offerId(), booking.period()).free()).isTrue();

        move(numero, RequestStatus.EN_COURS, p); // reopened: the period is still free, the loan is confirmed again
        assertThat(status(numero)).isEqualTo("CONFIRMED");
    }

    @Test
    void aCommuneCancellingItsWishFreesThePeriod() {
        LoanPeople p = LoanPeople.around(jdbc, "R17", 1);
        int numero = book(p, false, 20, 34);
        LoanRules.Period period = bookings.byNumero(numero).orElseThrow().period();
        assertThat(bookings.check(p.offerId(), period).free()).isFalse();
        workflow.changeStatus(
                numero, RequestStatus.ANNULEE, "Plus besoin", RequestRows.version(jdbc, numero), p.memberActor());
        assertThat(status(numero)).isEqualTo("RELEASED");
        assertThat(bookings.check(p.offerId(), period).free()).isTrue();
    }

    @Test
    void rejectingReleasesAndCompletingEarlyShortensTheLoan() {
        LoanPeople p = LoanPeople.around(jdbc, "R14", 2);
        int rejected = book(p, false, 20, 34);
        move(rejected, RequestStatus.REJETEE, p);
        assertThat(status(rejected)).isEqualTo("RELEASED");

        // a loan under way (started 5 days ago) completed today ends today
        int underWay = book(p, false, 0, 14);
        move(underWay, RequestStatus.EN_COURS, p);
        jdbc.sql("UPDATE loan_booking SET starts_on = :s WHERE request_numero = :n")
                .param("s", today().minusDays(5))
                .param("n", underWay)
                .update();
        move(underWay, RequestStatus.TERMINEE, p);
        LoanBookings.Booking shortened = bookings.byNumero(underWay).orElseThrow();
        assertThat(shortened.status()).isEqualTo(LoanBookings.Status.CONFIRMED);
        assertThat(shortened.period().end()).isEqualTo(today());

        // a loan to come, completed before it began, gives its whole period back
        int toCome = book(p, false, 60, 70);
        move(toCome, RequestStatus.EN_COURS, p);
        move(toCome, RequestStatus.TERMINEE, p);
        assertThat(status(toCome)).isEqualTo("RELEASED");
    }

    @Test
    void anAcceptanceNoCopyIsFreeForIsRefusedAndLeavesTheRequestPending() {
        LoanPeople p = LoanPeople.around(jdbc, "R15", 1);
        int first = book(p, false, 20, 34);
        // a second wish over the same weeks (filed before the first was: as two communes filing at once would)
        int second = book(p, true, 50, 60);
        jdbc.sql("UPDATE loan_booking SET starts_on = :s, ends_on = :e WHERE request_numero = :n")
                .param("s", today().plusDays(25))
                .param("e", today().plusDays(31))
                .param("n", second)
                .update();
        move(first, RequestStatus.EN_COURS, p);
        long version = RequestRows.version(jdbc, second);
        assertThatThrownBy(() -> move(second, RequestStatus.EN_COURS, p))
                .isInstanceOf(FieldRefusal.class)
                .hasMessageContaining("Aucun exemplaire de l'exposition n'est libre")
                .hasMessageContaining("n'a pas été acceptée")
                .hasMessageContaining("Prochaines périodes libres");
        assertThat(requestStatus(second)).isEqualTo("EN_ATTENTE");
        assertThat(RequestRows.version(jdbc, second)).isEqualTo(version);
        assertThat(status(second)).isEqualTo("WISHED");
        assertThat(jdbc.sql("SELECT count(*) FROM request_event h JOIN request r ON r.id = h.request_id "
                                + "WHERE r.numero = :n AND h.to_status = 'EN_COURS'")
                        .param("n", second)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theCopyTheHandlerChoseIsTheOneConfirmed() {
        LoanPeople p = LoanPeople.around(jdbc, "R16", 2);
        int numero = book(p, false, 20, 34);
        bookings.chooseCopy(numero, p.copies().get(1), p.chefActor());
        move(numero, RequestStatus.EN_COURS, p);
        assertThat(bookings.byNumero(numero).orElseThrow().copyId())
                .isEqualTo(p.copies().get(1));
        // another chef de file, or the commune, may not choose
        assertThatThrownBy(() ->
                        bookings.chooseCopy(numero, p.copies().getFirst(), fr.id77.requests.Actor.of(p.otherChef())))
                .hasMessageContaining("404");
        assertThatThrownBy(() -> bookings.chooseCopy(numero, p.copies().getFirst(), p.memberActor()))
                .hasMessageContaining("404");
        assertThat(bookings.byNumero(numero).orElseThrow().copyId())
                .isEqualTo(p.copies().get(1));
    }

    /**
     * One chef de file in twenty tabs (or on two instances): twenty overlapping wishes on a two-copy exhibition accepted
     * at once, each in its own transaction. PostgreSQL lets exactly two loans through; the eighteen others are refused
     * with the French message and stay pending, their booking only wished.
     */
    @Test
    void twentyAcceptancesAtOnceConfirmExactlyAsManyLoansAsCopies() throws Exception {
        LoanPeople p = LoanPeople.around(jdbc, "R19", 2);
        List<Integer> numeros = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int numero = book(p, i % 2 == 1, 20 + 14 * i, 26 + 14 * i); // each filed alone, then made to overlap
            numeros.add(numero);
        }
        jdbc.sql("UPDATE loan_booking SET starts_on = :s, ends_on = :e WHERE offer_id = :o")
                .param("s", today().plusDays(100))
                .param("e", today().plusDays(114))
                .param("o", p.offerId())
                .update();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int numero : numeros) {
            long version = RequestRows.version(jdbc, numero);
            Callable<String> accept = () -> {
                start.await();
                try {
                    workflow.changeStatus(numero, RequestStatus.EN_COURS, null, version, p.chefActor());
                    return "accepted";
                } catch (FieldRefusal e) {
                    return e.getMessage();
                }
            };
            outcomes.add(pool.submit(accept));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results).filteredOn("accepted"::equals).hasSize(2);
        assertThat(results)
                .filteredOn(r -> !r.equals("accepted"))
                .hasSize(18)
                .allSatisfy(r -> assertThat(r).contains("n'a pas été acceptée"));
        assertThat(jdbc.sql(
                                "SELECT count(DISTINCT copy_id) FROM loan_booking WHERE offer_id = :o AND status = 'CONFIRMED'")
                        .param("o", p.offerId())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM request WHERE numero IN (:n) AND status = 'EN_COURS'")
                        .param("n", numeros)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM loan_booking WHERE offer_id = :o AND status = 'WISHED'")
                        .param("o", p.offerId())
                        .query(Long.class)
                        .single())
                .isEqualTo(18);
    }
}
