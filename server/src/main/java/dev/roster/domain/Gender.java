package dev.roster.domain;

public enum Gender {
    UNSPECIFIED,
    FEMALE,
    MALE,
    DIVERSE
}
