package dev.roster.domain;

/** Whether a study is finished in the viewer; a new study starts {@code incomplete} (avara-v1.md §6.0 item 17). */
public enum StudyViewerStatus implements WireName {
    INCOMPLETE("incomplete"),
    COMPLETE("complete");

    private final String wire;

    StudyViewerStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    public static StudyViewerStatus parse(String field, String value) {
        return WireName.parse(StudyViewerStatus.class, field, value);
    }
}
