package dev.roster.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.roster.domain.Study;
import dev.roster.domain.StudyView;
import dev.roster.http.Wire;
import java.util.Map;

/**
 * The Study exactly as Avara's SDKs read it (avara-v1.md §3.3): {@code cancelledAt}, {@code createdAt} and
 * {@code updatedAt} always present even when null; references and metadata omitted when there is none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudyJson(
        String studyId,
        String studyInstanceUid,
        String studyDescription,
        String severity,
        String studyViewerStatus,
        boolean isCancelled,
        @JsonInclude(JsonInclude.Include.ALWAYS) String cancelledAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) String createdAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) String updatedAt,
        UserReferenceJson assignedTo,
        ApiKeyReferenceJson createdByApiKey,
        UserReferenceJson createdByUser,
        CustomerReferenceJson expressCustomer,
        Map<String, String> metadata) {

    public static StudyJson of(StudyView v) {
        Study s = v.study();
        return new StudyJson(s.id(), s.instanceUid(), s.description(), s.severity().wire(), s.viewerStatus().wire(),
                s.cancelled(), Wire.timestamp(s.cancelledAt()), Wire.timestamp(s.createdAt()),
                Wire.timestamp(s.updatedAt()),
                UserReferenceJson.of(v.assignedTo()),
                v.createdByApiKey() == null ? null
                        : new ApiKeyReferenceJson(v.createdByApiKey().apiKeyId(), v.createdByApiKey().description()),
                UserReferenceJson.of(v.createdByUser()),
                v.expressCustomer() == null ? null : new CustomerReferenceJson(
                        v.expressCustomer().expressCustomerId(), v.expressCustomer().expressCustomerName()),
                s.metadata().isEmpty() ? null : s.metadata().values());
    }

    /** Avara's UserReference: email and ID always, the names when the user has them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserReferenceJson(String userId, String email, String firstName, String lastName, String middleName,
                             String suffix1, String suffix2) {
        static UserReferenceJson of(StudyView.UserReference r) {
            return r == null ? null : new UserReferenceJson(r.userId(), r.email(), r.firstName(), r.lastName(),
                    r.middleName(), r.suffix1(), r.suffix2());
        }
    }

    /** Avara's ApiKeyReference; the description is the key's name. */
    record ApiKeyReferenceJson(String apiKeyId, String description) {
    }

    record CustomerReferenceJson(String expressCustomerId, String expressCustomerName) {
    }
}
