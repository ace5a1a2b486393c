package dev.roster.domain;

import java.util.Locale;

/**
 * The conditions of a study list, combined with AND. A null field is no condition. {@code canonical()} names the
 * whole query, so a cursor can be bound to the filters that produced it.
 */
public record StudyFilter(Reference assignedTo, Reference expressCustomerId, Boolean cancelled, Severity severity,
                          String descriptionContains, StudyViewerStatus viewerStatus) {

    /** A condition on an optional reference: any value, explicitly none, or one ID. */
    public sealed interface Reference {
        Reference ANY = new Any();
        Reference NONE = new None();

        record Any() implements Reference {
        }

        record None() implements Reference {
        }

        record Is(String id) implements Reference {
        }
    }

    public static final StudyFilter ALL = new StudyFilter(Reference.ANY, Reference.ANY, null, null, null, null);

    /** The contains-match is case-insensitive: both sides are compared lower-cased. */
    public String descriptionLower() {
        return descriptionContains == null ? null : descriptionContains.toLowerCase(Locale.ROOT);
    }

    public String canonical() {
        return "assignedTo=" + reference(assignedTo) + "|expressCustomerId=" + reference(expressCustomerId)
                + "|isCancelled=" + cancelled + "|severity=" + (severity == null ? null : severity.wire())
                + "|studyDescription=" + (descriptionContains == null ? "null"
                : descriptionContains.length() + ":" + descriptionContains)
                + "|studyViewerStatus=" + (viewerStatus == null ? null : viewerStatus.wire());
    }

    private static String reference(Reference r) {
        return switch (r) {
            case Reference.Any any -> "*";
            case Reference.None none -> "-";
            case Reference.Is is -> "=" + is.id();
        };
    }
}
