package dev.roster.app;

import dev.roster.domain.DicomUid;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.ExpressCustomer;
import dev.roster.domain.Ids;
import dev.roster.domain.Keyset;
import dev.roster.domain.Metadata;
import dev.roster.domain.Page;
import dev.roster.domain.Principal;
import dev.roster.domain.Severity;
import dev.roster.domain.Study;
import dev.roster.domain.StudyFilter;
import dev.roster.domain.StudyView;
import dev.roster.domain.StudyViewerStatus;
import dev.roster.domain.User;
import dev.roster.domain.UserState;
import dev.roster.store.Database;
import dev.roster.store.ExpressCustomerStore;
import dev.roster.store.StudyStore;
import dev.roster.store.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Viewer study use cases. Each write is one transaction: scope to the caller's organization, load, apply the rule,
 * save, append the event. The rules that deactivation enforces live here: an inactive customer takes no new study
 * and a user who cannot work is not newly assigned one, while existing studies stay readable and editable.
 */
public final class Studies {
    public static final String AGGREGATE = "study";

    private final Database db;
    private final StudyStore store;
    private final ExpressCustomerStore customers;
    private final UserStore users;
    private final StudyLinks links;
    private final EventRecorder events;
    private final Cursors cursors;
    private final Clock clock;

    Studies(Database db, StudyStore store, ExpressCustomerStore customers, UserStore users, StudyLinks links,
            EventRecorder events, Cursors cursors, Clock clock) {
        this.db = db;
        this.cursors = cursors;
        this.store = store;
        this.customers = customers;
        this.users = users;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    /** What a create asks for; optional parts are null, {@code metadata} already passed its limits. */
    public record NewStudy(String instanceUid, String description, Severity severity, String assignedTo,
                           String expressCustomerId, Metadata metadata) {
    }

    /** A partial update: a null part is left unchanged. {@code assignee} holds a null ID to unassign. */
    public record StudyChanges(String description, Severity severity, StudyViewerStatus viewerStatus,
                               Assignee assignee, Metadata metadata) {
    }

    public record Assignee(String userId) {
    }

    /** How cancel, uncancel and reroute-url name a study: by ID, by UID, or by both naming the same one. */
    public record StudyRef(String studyId, String instanceUid) {
    }

    /** A signed link target: the study and the token that opens it. */
    public record RerouteToken(String studyId, String token) {
    }

    public record Listing(Page<StudyView> page, Optional<String> nextCursor) {
    }

    public StudyView create(Principal who, String reason, NewStudy request) {
        String uid = DicomUid.require("studyInstanceUid", request.instanceUid());
        String description = Study.validDescription("studyDescription", request.description());
        if (request.severity() == null) {
            throw DomainError.invalidField("severity", "value is required");
        }
        if (request.expressCustomerId() != null) {
            Ids.CUSTOMER.require("expressCustomerId", request.expressCustomerId());
        }
        if (request.assignedTo() != null) {
            Ids.USER.require("assignedTo", request.assignedTo());
        }
        Metadata metadata = request.metadata() == null ? Metadata.EMPTY : request.metadata();
        return db.write(h -> {
            // The rows this study depends on are locked, the user's before the customer's as in every write that
            // locks both, so a deactivate running alongside waits for the study instead of missing it.
            Optional<User> assignee = request.assignedTo() == null ? Optional.empty()
                    : lockedUser(h, who, request.assignedTo());
            if (request.expressCustomerId() != null) {
                Study.requireOpenFor(customer(h, who, request.expressCustomerId()));
            }
            if (request.assignedTo() != null) {
                Study.requireAssignable(assignee.orElseThrow(Users::notFound));
            }
            Instant now = now();
            Study study = new Study(who.organizationId(), Ids.STUDY.next(), uid, description, request.severity(),
                    StudyViewerStatus.INCOMPLETE, null, request.assignedTo(), request.expressCustomerId(),
                    who.actor().apiKeyId(), who.actor().userId(), metadata, now, now, 1);
            store.insert(h, study);
            return record(h, who, reason, study, "study.created");
        });
    }

    public StudyView get(Principal who, String studyId) {
        Ids.STUDY.require("studyId", studyId);
        return db.read(h -> load(h, who, studyId));
    }

    public StudyView getByUid(Principal who, String instanceUid) {
        DicomUid.require("studyInstanceUid", instanceUid);
        return db.read(h -> store.findByUid(h, who.organizationId(), instanceUid).orElseThrow(Studies::notFound));
    }

    public StudyView update(Principal who, String reason, String studyId, StudyChanges changes) {
        Ids.STUDY.require("studyId", studyId);
        String newDescription = changes.description() == null ? null
                : Study.validDescription("studyDescription", changes.description());
        if (changes.assignee() != null && changes.assignee().userId() != null) {
            Ids.USER.require("assignedTo", changes.assignee().userId());
        }
        return db.write(h -> {
            Study current = load(h, who, studyId).study();
            String assignedTo = changes.assignee() == null ? current.assignedTo() : changes.assignee().userId();
            if (assignedTo != null && !assignedTo.equals(current.assignedTo())) {
                // Only a new assignment is checked: a study keeps an assignee who was revoked after assignment.
                Study.requireAssignable(lockedUser(h, who, assignedTo).orElseThrow(Users::notFound));
            }
            Study changed = current.withDetails(
                    newDescription == null ? current.description() : newDescription,
                    changes.severity() == null ? current.severity() : changes.severity(),
                    changes.viewerStatus() == null ? current.viewerStatus() : changes.viewerStatus(),
                    assignedTo,
                    changes.metadata() == null ? current.metadata() : changes.metadata(),
                    now());
            if (sameDetails(current, changed)) {
                return load(h, who, studyId); // nothing changes: no new version, no event
            }
            store.update(h, changed);
            return record(h, who, reason, changed, "study.updated");
        });
    }

    /** Idempotent: cancelling a cancelled study changes nothing and writes no event. */
    public StudyView cancel(Principal who, String reason, StudyRef ref) {
        StudyRef valid = validRef(ref);
        return db.write(h -> {
            Study current = locate(h, who, valid);
            Study changed = current.cancel(now());
            if (changed == current) {
                return load(h, who, current.id());
            }
            store.update(h, changed);
            return record(h, who, reason, changed, "study.cancelled");
        });
    }

    public StudyView uncancel(Principal who, String reason, StudyRef ref) {
        StudyRef valid = validRef(ref);
        return db.write(h -> {
            Study changed = locate(h, who, valid).uncancel(now());
            store.update(h, changed);
            return record(h, who, reason, changed, "study.uncancelled");
        });
    }

    /** A token for Roster's study page; the link is issued, nothing about the study changes. */
    public RerouteToken rerouteToken(Principal who, StudyRef ref) {
        StudyRef valid = validRef(ref);
        Study study = db.read(h -> locate(h, who, valid));
        return new RerouteToken(study.id(), links.issue(who.organizationId(), study.id()));
    }

    /** One page, newest first. The cursor is bound to the organization, filters and limit it was issued with. */
    public Listing list(Principal who, StudyFilter filter, Optional<String> cursor, int limit) {
        String query = "studies|" + filter.canonical() + "|limit=" + limit;
        String org = who.organizationId();
        Optional<Keyset> after = cursors.decode(cursor, org, query, Ids.STUDY);
        Page<StudyView> page = db.search(org, h -> store.page(h, org, filter, after, limit));
        return new Listing(page, page.next().map(k -> cursors.encode(k, org, query)));
    }

    private static StudyRef validRef(StudyRef ref) {
        if (ref.studyId() == null && ref.instanceUid() == null) {
            throw DomainError.invalidField("studyId", "studyId or studyInstanceUid is required");
        }
        if (ref.studyId() != null) {
            Ids.STUDY.require("studyId", ref.studyId());
        }
        if (ref.instanceUid() != null) {
            DicomUid.require("studyInstanceUid", ref.instanceUid());
        }
        return ref;
    }

    private Study locate(Handle h, Principal who, StudyRef ref) {
        if (ref.studyId() == null) {
            return store.findByUid(h, who.organizationId(), ref.instanceUid()).orElseThrow(Studies::notFound).study();
        }
        Study study = load(h, who, ref.studyId()).study();
        if (ref.instanceUid() != null && !ref.instanceUid().equals(study.instanceUid())) {
            throw DomainError.invalidField("studyInstanceUid", "names a different study than studyId");
        }
        return study;
    }

    private static boolean sameDetails(Study a, Study b) {
        return a.description().equals(b.description()) && a.severity() == b.severity()
                && a.viewerStatus() == b.viewerStatus() && Objects.equals(a.assignedTo(), b.assignedTo())
                && a.metadata().equals(b.metadata());
    }

    /** The customer a new study goes to, locked until the transaction ends. */
    private ExpressCustomer customer(Handle h, Principal who, String id) {
        return customers.findForChange(h, who.organizationId(), id).orElseThrow(Customers::notFound);
    }

    /** A user who is not deleted, locked until the transaction ends, so their state holds while it is relied on. */
    private Optional<User> lockedUser(Handle h, Principal who, String id) {
        return users.findForChange(h, who.organizationId(), id).filter(u -> u.state() != UserState.DELETED);
    }


    private StudyView load(Handle h, Principal who, String id) {
        return store.find(h, who.organizationId(), id).orElseThrow(Studies::notFound);
    }

    /**
     * Takes a deleted user off every study assigned to them, in the deleting transaction, so no study refers to a
     * user who is gone and the {@code assignedTo} filter no longer finds them. Each study records its change.
     */
    void unassignEverywhere(Handle h, Principal who, String reason, String userId, Instant now) {
        for (Study study : store.assignedTo(h, who.organizationId(), userId)) {
            Study changed = study.unassigned(now);
            store.update(h, changed);
            record(h, who, reason, changed, "study.updated");
        }
    }

    private static DomainError notFound() {
        return DomainError.notFound(ErrorIds.STUDY_NOT_FOUND, "Study could not be found");
    }

    /** Records the saved change with the study as the API shows it, and returns that view. */
    private StudyView record(Handle h, Principal who, String reason, Study s, String type) {
        StudyView view = load(h, who, s.id());
        Events log = new Events(s.organizationId(), AGGREGATE, s.id(), who.actor(), reason, s.updatedAt());
        events.append(h, log.event(type, s.version(), events.data().study(view)));
        return view;
    }

    private Instant now() {
        return Clocks.now(clock);
    }
}
