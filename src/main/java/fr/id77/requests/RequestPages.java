package fr.id77.requests;

import fr.id77.account.CurrentUser;
import fr.id77.catalogue.Offers;
import fr.id77.catalogue.Offers.OfferSummary;
import fr.id77.shared.web.PageSection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Assembles what the request pages show, in a fixed number of statements whatever the thread's length. */
@Component
class RequestPages {

    /** A comment with its author resolved, and the comment it answers. */
    public record Comment(
            RequestViews.CommentLine line,
            RequestReadModel.Person author,
            RequestViews.CommentLine answers,
            RequestReadModel.Person answersAuthor,
            List<RequestViews.AttachmentLine> files) {}

    public record TimelineLine(RequestViews.HistoryLine line, RequestReadModel.Person actor) {}

    public record Page(
            RequestViews.RequestState state,
            OfferSummary offer,
            List<String> thematics,
            RequestReadModel.Collectivity collectivity,
            RequestReadModel.Referent referent,
            RequestReadModel.Person demandeur,
            RequestReadModel.Person chefDeFile,
            RequestReadModel.Person responsable,
            List<Comment> comments,
            List<RequestViews.AttachmentLine> attachments,
            Map<Long, RequestReadModel.Person> people,
            List<TimelineLine> timeline,
            List<RequestReadModel.Person> staff,
            List<RequestReadModel.Referent> referents,
            boolean newestFirst,
            List<Comment> notes) {

        /** The staff a request can be handed to: active ID77 staff, except whoever handles it already. */
        public List<RequestReadModel.Person> handoverChoices() {
            return staff.stream()
                    .filter(p -> !Long.valueOf(p.id()).equals(state.responsableId()))
                    .toList();
        }
    }

    private final RequestViews views;
    private final RequestReadModel read;
    private final Offers offers;
    private final List<RequestPageSections> sections;

    RequestPages(
            RequestViews views, RequestReadModel read, Offers offers, ObjectProvider<RequestPageSections> sections) {
        this.views = views;
        this.read = read;
        this.offers = offers;
        this.sections = sections.orderedStream().toList();
    }

    /** What other modules add to this request's page (an exhibition's booking), for this viewer. */
    List<PageSection> sections(RequestViews.RequestState state, Actor viewer, boolean printView) {
        RequestPageSections.Request seen = new RequestPageSections.Request(
                state.id(),
                state.numero(),
                state.offerId(),
                state.collectivityId(),
                state.chefDeFileId(),
                state.status(),
                state.version(),
                state.canProcess(),
                viewer);
        return sections.stream()
                .map(s -> s.section(seen, printView))
                .flatMap(Optional::stream)
                .toList();
    }

    static Actor actor(CurrentUser user) {
        return Actor.of(user);
    }

    @Transactional(readOnly = true)
    Page page(int numero, Actor actor, boolean newestFirst) {
        RequestViews.RequestState state = views.view(numero, actor);
        List<RequestViews.CommentLine> lines = views.comments(state.id(), newestFirst);
        List<RequestViews.AttachmentLine> files = views.attachments(state.id());
        // internal notes and their files: two more statements, only for the staff who may read them
        List<RequestViews.CommentLine> noteLines = state.canReadNotes() ? views.notes(state.id()) : List.of();
        Map<Long, List<RequestViews.AttachmentLine>> noteFiles = state.canReadNotes()
                ? views.noteAttachments(state.id()).stream()
                        .collect(Collectors.groupingBy(RequestViews.AttachmentLine::commentId))
                : Map.of();
        OfferSummary offer = offers.byIds(List.of(state.offerId())).get(state.offerId());

        Set<Long> ids = new HashSet<>();
        ids.add(state.createdBy());
        if (state.chefDeFileId() != null) ids.add(state.chefDeFileId());
        if (state.responsableId() != null) ids.add(state.responsableId());
        lines.forEach(c -> ids.add(c.authorId()));
        noteLines.forEach(c -> ids.add(c.authorId()));
        state.history().forEach(h -> {
            ids.add(h.actorId());
            if (h.subjectId() != null) ids.add(h.subjectId());
        });
        files.forEach(f -> ids.add(f.uploadedBy()));
        Map<Long, RequestReadModel.Person> people = read.people(ids);

        Map<Long, RequestViews.CommentLine> byId =
                lines.stream().collect(Collectors.toMap(RequestViews.CommentLine::id, Function.identity()));
        Map<Long, List<RequestViews.AttachmentLine>> filesByComment = files.stream()
                .filter(f -> f.commentId() != null)
                .collect(Collectors.groupingBy(RequestViews.AttachmentLine::commentId));
        List<Comment> comments = lines.stream()
                .map(c -> {
                    RequestViews.CommentLine parent = c.parentId() == null ? null : byId.get(c.parentId());
                    return new Comment(
                            c,
                            people.get(c.authorId()),
                            parent,
                            parent == null ? null : people.get(parent.authorId()),
                            filesByComment.getOrDefault(c.id(), List.of()));
                })
                .toList();
        List<TimelineLine> timeline = state.history().stream()
                .map(h -> new TimelineLine(h, people.get(h.actorId())))
                .toList();

        List<RequestReadModel.Referent> referents = read.referents(state.collectivityId(), state.referentId());
        RequestReadModel.Referent referent = referents.stream()
                .filter(r -> state.referentId() != null && r.id() == state.referentId())
                .findFirst()
                .orElse(null);
        return new Page(
                state,
                offer,
                offers.thematics(state.offerId()),
                read.collectivity(state.collectivityId()).orElse(null),
                referent,
                people.get(state.createdBy()),
                state.chefDeFileId() == null ? null : people.get(state.chefDeFileId()),
                state.responsableId() == null ? null : people.get(state.responsableId()),
                comments,
                files,
                people,
                timeline,
                state.canProcess() ? read.staff() : List.of(),
                state.canChangeReferent()
                        ? referents.stream().filter(r -> !r.removed()).toList()
                        : List.of(),
                newestFirst,
                noteLines.stream()
                        .map(c -> new Comment(
                                c, people.get(c.authorId()), null, null, noteFiles.getOrDefault(c.id(), List.of())))
                        .toList());
    }
}
