package dev.roster.testing;

/** The two storage engines every storage behaviour is tested on. */
public enum Engine {
    SQLITE,
    POSTGRES
}
