package dev.roster.domain;

/** The authenticated caller: the key it presented and the organization it acts in. */
public record Principal(String apiKeyId, String organizationId, boolean instanceAdmin) {
    public Actor actor() {
        return Actor.apiKey(apiKeyId);
    }

    /** Instance administration (organizations, keys) is for the instance-admin key only. */
    public void requireInstanceAdmin() {
        if (!instanceAdmin) {
            throw DomainError.permissionDenied();
        }
    }
}
