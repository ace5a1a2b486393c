package dev.roster.domain;

/** Who made a change, as the event log records it. */
public record Actor(Type type, String id) {
    public enum Type {
        API_KEY("api_key"),
        CLI("cli"),
        SYSTEM("system");

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

    public static Actor cli() {
        return new Actor(Type.CLI, "roster-cli");
    }

    public static Actor system() {
        return new Actor(Type.SYSTEM, "roster");
    }
}
