package dev.roster.domain;

/**
 * A Viewer user's level. The owner has full control and is made only by the operator, never through the API: it
 * can be neither given nor taken away by a call, nor revoked (avara-v1.md §6.0 item 24).
 */
public enum UserLevel implements WireName {
    OWNER("owner"),
    ADMIN("admin"),
    MEMBER("member");

    private final String wire;

    UserLevel(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** Any level, as the list filter accepts it. */
    public static UserLevel parse(String field, String value) {
        return WireName.parse(UserLevel.class, field, value);
    }

    /** A level an API call may set: admin or member. */
    public static UserLevel parseAssignable(String field, String value) {
        if (ADMIN.wire.equals(value)) {
            return ADMIN;
        }
        if (MEMBER.wire.equals(value)) {
            return MEMBER;
        }
        throw DomainError.invalidField(field, "must be admin or member");
    }
}
