package dev.roster.domain;

/** How a user came to be: through the dashboard or through the API (v1 invite, and v2 AddHumanUser alike). */
public enum InvitedSource implements WireName {
    DASHBOARD("dashboard"),
    API("api");

    private final String wire;

    InvitedSource(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    public static InvitedSource parse(String field, String value) {
        return WireName.parse(InvitedSource.class, field, value);
    }
}
