package dev.roster.domain;

import java.time.Instant;

/**
 * A Viewer study: a DICOM study known to an organization, optionally grouped under an Express customer and assigned
 * to one user. Cancelling keeps the study and only flags it; uncancelling requires it to be cancelled.
 */
public record Study(
        String organizationId,
        String id,
        String instanceUid,
        String description,
        Severity severity,
        StudyViewerStatus viewerStatus,
        Instant cancelledAt,
        String assignedTo,
        String expressCustomerId,
        String createdByApiKeyId,
        String createdByUserId,
        Metadata metadata,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static final int MAX_DESCRIPTION = 1000;

    public static String validDescription(String field, String description) {
        return Text.requireTrimmed(field, description == null ? "" : description, MAX_DESCRIPTION);
    }

    /**
     * Who may newly receive a study or a customer link: a user who can still work. INACTIVE (revoked) and LOCKED
     * users may not; an invited user (INITIAL) may, since inviting is how v1 integrators bring people in
     * (avara-v1.md §6.0 items 10, 11 and 20).
     */
    public static void requireAssignable(User user) {
        if (user.state() != UserState.ACTIVE && user.state() != UserState.INITIAL) {
            throw DomainError.failedPrecondition(ErrorIds.USER_NOT_ACTIVE, "User is not active");
        }
    }

    /** A customer takes no new studies while it is inactive; its existing studies are untouched. */
    public static void requireOpenFor(ExpressCustomer customer) {
        if (!customer.active()) {
            throw DomainError.failedPrecondition(ErrorIds.EXPRESS_CUSTOMER_INACTIVE, "Express customer is inactive");
        }
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    /** Idempotent: a cancelled study is returned as it is. */
    public Study cancel(Instant now) {
        if (cancelled()) {
            return this;
        }
        return new Study(organizationId, id, instanceUid, description, severity, viewerStatus, now, assignedTo,
                expressCustomerId, createdByApiKeyId, createdByUserId, metadata, createdAt, now, version + 1);
    }

    public Study uncancel(Instant now) {
        if (!cancelled()) {
            throw DomainError.failedPrecondition(ErrorIds.STUDY_NOT_CANCELLED, "Study is not cancelled");
        }
        return new Study(organizationId, id, instanceUid, description, severity, viewerStatus, null, assignedTo,
                expressCustomerId, createdByApiKeyId, createdByUserId, metadata, createdAt, now, version + 1);
    }

    public Study withDetails(String newDescription, Severity newSeverity, StudyViewerStatus newStatus,
                             String newAssignedTo, Metadata newMetadata, Instant now) {
        return new Study(organizationId, id, instanceUid, newDescription, newSeverity, newStatus, cancelledAt,
                newAssignedTo, expressCustomerId, createdByApiKeyId, createdByUserId, newMetadata, createdAt, now,
                version + 1);
    }

    /** The study without its assignee, as when the assigned user is deleted. */
    public Study unassigned(Instant now) {
        return withDetails(description, severity, viewerStatus, null, metadata, now);
    }

    public Keyset position() {
        return new Keyset(createdAt.toEpochMilli(), id);
    }
}
