package dev.roster.domain;

/** How urgently a study needs attention; the wire names are Avara's, lowercase. */
public enum Severity implements WireName {
    NORMAL("normal"),
    HIGH("high"),
    STAT("stat");

    private final String wire;

    Severity(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    public static Severity parse(String field, String value) {
        return WireName.parse(Severity.class, field, value);
    }
}
