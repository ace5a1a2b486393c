package dev.roster.domain;

/** Who made a change, as the event log records it. */
public record Actor(Type type, String id) {
    public enum Type {
        API_KEY("api_key"),
        CLI("cli"),
        SYSTEM("system"),
        /** A person signed in to the console. */
        USER("user");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** The type a stored wire name stands for. */
        public static Type fromWire(String wire) {
            for (Type t : values()) {
                if (t.wire.equals(wire)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown actor type " + wire);
        }
    }

    public static Actor apiKey(String apiKeyId) {
        return new Actor(Type.API_KEY, apiKeyId);
    }

    public static Actor user(String userId) {
        return new Actor(Type.USER, userId);
    }

    /** The API key that made a change, or null when a person or the operator made it. */
    public String apiKeyId() {
        return type == Type.API_KEY ? id : null;
    }

    /** The user who made a change in the console, or null when it came through a key or the operator. */
    public String userId() {
        return type == Type.USER ? id : null;
    }

    public static Actor cli() {
        return new Actor(Type.CLI, "roster-cli");
    }

    public static Actor system() {
        return new Actor(Type.SYSTEM, "roster");
    }
}
