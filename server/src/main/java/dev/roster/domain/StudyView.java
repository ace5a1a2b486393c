package dev.roster.domain;

/**
 * A study with its references resolved from the rows they point to at read time, so a renamed customer or user
 * shows its current name. A reference whose target is gone reads as null.
 */
public record StudyView(Study study, UserReference assignedTo, ApiKeyReference createdByApiKey,
                        UserReference createdByUser, CustomerReference expressCustomer) {

    /** A user as other objects show it; the optional names are null when unset. */
    public record UserReference(String userId, String email, String firstName, String lastName, String middleName,
                                String suffix1, String suffix2) {
    }

    /** An API key as other objects show it: its ID and, as description, its name. */
    public record ApiKeyReference(String apiKeyId, String description) {
    }

    public record CustomerReference(String expressCustomerId, String expressCustomerName) {
    }
}
