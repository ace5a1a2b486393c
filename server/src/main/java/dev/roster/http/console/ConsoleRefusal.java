package dev.roster.http.console;

/** A console request that must not go on: not signed in (to the login page) or a forged form (403). */
final class ConsoleRefusal extends RuntimeException {
    enum Kind { NOT_SIGNED_IN, FORGED_FORM }

    private final Kind kind;

    ConsoleRefusal(Kind kind) {
        super(kind.name(), null, false, false);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
