package dev.roster.domain;

/**
 * The authenticated caller: the organization it acts in and who acts, an API key or a console user.
 */
public record Principal(String organizationId, boolean instanceAdmin, Actor actor) {
    /** A caller with an API key. */
    public static Principal apiKey(String apiKeyId, String organizationId, boolean instanceAdmin) {
        return new Principal(organizationId, instanceAdmin, Actor.apiKey(apiKeyId));
    }

    /** A user signed in to the console of its organization; only the console issues these, and only to admins. */
    public static Principal consoleUser(String organizationId, String userId) {
        return new Principal(organizationId, false, Actor.user(userId));
    }

    /** The operator at the command line, acting inside one organization. */
    public static Principal operator(String organizationId) {
        return new Principal(organizationId, false, Actor.cli());
    }

    /** The key the caller came with; null for a console user or the operator. */
    public String apiKeyId() {
        return actor.apiKeyId();
    }

    /** True for a console user, whom the console let in as an owner or admin of the organization. */
    public boolean consoleAdmin() {
        return actor.type() == Actor.Type.USER;
    }

    /** Instance administration (organizations, keys) is for the instance-admin key only. */
    public void requireInstanceAdmin() {
        if (!instanceAdmin) {
            throw DomainError.permissionDenied();
        }
    }
}
