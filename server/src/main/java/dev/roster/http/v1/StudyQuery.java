package dev.roster.http.v1;

import com.linecorp.armeria.common.QueryParams;
import dev.roster.domain.DomainError;
import dev.roster.domain.Ids;
import dev.roster.domain.Severity;
import dev.roster.domain.StudyFilter;
import dev.roster.domain.StudyViewerStatus;
import java.util.List;
import java.util.Optional;

/**
 * The study list filters as the SDKs send them (avara-v1.md §3.4 S4, §6.0 items 14 and 35). {@code assignedTo=} and
 * {@code expressCustomerId=} with an empty value are how TypeScript and C# send null, meaning "is not set";
 * {@code isCancelled} takes only {@code true} or {@code false}.
 */
final class StudyQuery {
    private StudyQuery() {
    }

    static StudyFilter filter(QueryParams query) {
        return new StudyFilter(
                reference(query, "assignedTo", Ids.USER),
                reference(query, "expressCustomerId", Ids.CUSTOMER),
                cancelled(query),
                ListParams.single(query, "severity").map(v -> Severity.parse("severity", v)).orElse(null),
                ListParams.single(query, "studyDescription").orElse(null),
                ListParams.single(query, "studyViewerStatus")
                        .map(v -> StudyViewerStatus.parse("studyViewerStatus", v)).orElse(null));
    }

    private static StudyFilter.Reference reference(QueryParams query, String name, Ids kind) {
        Optional<String> raw = present(query, name);
        if (raw.isEmpty()) {
            return StudyFilter.Reference.ANY;
        }
        if (raw.get().isEmpty()) {
            return StudyFilter.Reference.NONE;
        }
        return new StudyFilter.Reference.Is(kind.require(name, raw.get()));
    }

    private static Boolean cancelled(QueryParams query) {
        Optional<String> raw = present(query, "isCancelled");
        if (raw.isEmpty()) {
            return null;
        }
        return switch (raw.get()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw DomainError.invalidField("isCancelled", "must be true or false");
        };
    }

    /** The value of a parameter given at most once, empty string included. */
    private static Optional<String> present(QueryParams query, String name) {
        List<String> values = query.getAll(name);
        if (values.size() > 1) {
            throw DomainError.invalidField(name, "must be given at most once");
        }
        return values.stream().findFirst();
    }
}
