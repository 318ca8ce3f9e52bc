package org.openyibao.platform.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.web.ApiException;

/**
 * Feedback and complaints about designated institutions (issue 11). The insured person files one and sees their own
 * (another's is "not found", as if it did not exist); agency staff read all and move each along the workflow
 * ({@link FeedbackStatus}) with a note, under a lock, so two clerks cannot both move the same one; an institution
 * reads the complaints about itself. Who may do what by role is the pages' table; whose data it is, is checked here.
 */
@Service
public class FeedbackService {
    /** The text's bounds, in characters. */
    public static final int MIN_TEXT = 5;
    public static final int MAX_TEXT = 1000;
    public static final int MAX_NOTE = 1000;

    private final FeedbackStore store;
    private final PersonService persons;
    private final TransactionTemplate tx;
    private final Clock clock;

    public FeedbackService(FeedbackStore store, PersonService persons, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.persons = persons;
        this.tx = tx;
        this.clock = clock;
    }

    /** The code list of categories, in its order. */
    public List<String> categories() {
        return store.categories();
    }

    /** Files {@code f} for {@code psnNo}: a known institution, a category of the list, a text within bounds. */
    public Feedback file(String psnNo, Feedback.New f) {
        Person me = persons.existing("psn_no", psnNo);
        String code = f.institutionCode() == null ? "" : f.institutionCode().strip();
        if (code.isEmpty()) throw ApiException.badRequest("institution", "institution: choose the institution");
        if (store.place(code).isEmpty()) throw ApiException.badRequest("institution", "institution: no such institution");
        if (f.category() == null || !store.categories().contains(f.category())) {
            throw ApiException.badRequest("category", "category: choose one of the list");
        }
        String body = f.body() == null ? "" : f.body().strip();
        if (body.length() < MIN_TEXT || body.length() > MAX_TEXT) {
            throw ApiException.badRequest("body", "body: between " + MIN_TEXT + " and " + MAX_TEXT + " characters");
        }
        long id = store.insert(me.id(), new Feedback.New(code, f.category(), body), now());
        return store.find(id, false).orElseThrow();
    }

    /** The person's own, newest first (page of {@code size}, one more to tell if another follows). */
    public List<Feedback> mine(String psnNo, int page, int size) {
        return store.ofPerson(persons.existing("psn_no", psnNo).id(), page, size);
    }

    /** One of the person's own; anyone else's is "not found". */
    public Feedback mine(String psnNo, long id) {
        return store.find(id, false).filter(f -> f.psnNo().equals(psnNo)).orElseThrow(FeedbackService::notFound);
    }

    /** Those about institution {@code code} (the institution's own clerk). */
    public List<Feedback> aboutInstitution(String code, int page, int size) {
        return store.ofInstitution(code, page, size);
    }

    /** All, or those in {@code status} (null: all), for the agency. */
    public List<Feedback> all(FeedbackStatus status, int page, int size) {
        return store.all(status, page, size);
    }

    public Feedback one(long id) {
        return store.find(id, false).orElseThrow(FeedbackService::notFound);
    }

    public List<Feedback.Change> changes(long id) {
        return store.changes(id);
    }

    /**
     * Moves complaint {@code id} to {@code to} with {@code note} (an answer's text, a rejection's reason), by
     * {@code operator}: refused when the workflow does not allow it from where it stands now, or without a note.
     */
    public Feedback change(long id, String to, String note, String operator) {
        FeedbackStatus target = FeedbackStatus.of(to == null ? "" : to);
        String text = note == null ? "" : note.strip();
        if (target == null) throw ApiException.badRequest("status", "status: choose the new status");
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw ApiException.badRequest("note", "note: say what was done or why (at most " + MAX_NOTE + " characters)");
        }
        return tx.execute(s -> {
            Feedback f = store.find(id, true).orElseThrow(FeedbackService::notFound);
            if (!f.status().mayBecome(target)) {
                throw ApiException.conflict("status", "status: a complaint " + f.status().key + " cannot become " + target.key);
            }
            boolean answers = target == FeedbackStatus.ANSWERED || target == FeedbackStatus.REJECTED;
            store.change(id, f.status(), target, text, answers ? text : null, operator, now());
            return store.find(id, false).orElseThrow();
        });
    }

    /** Where the person has been settled, most recent first: the institutions they are likeliest to write about. */
    public List<Feedback.Place> visited(String psnNo) {
        return store.visited(persons.existing("psn_no", psnNo).id());
    }

    /** Institutions of the person's region designated today whose name contains {@code words} (at most 20). */
    public List<Feedback.Place> search(String psnNo, String words) {
        String w = words == null ? "" : words.strip();
        if (w.isEmpty() || w.length() > 50) return List.of();
        return store.search(persons.existing("psn_no", psnNo).admdvs(), w, LocalDate.now(clock));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static ApiException notFound() {
        return ApiException.notFound("feedback", "feedback: no such feedback of yours");
    }
}
