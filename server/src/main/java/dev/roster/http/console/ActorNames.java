package dev.roster.http.console;

import dev.roster.app.Users;
import dev.roster.domain.Actor;
import dev.roster.domain.DomainError;
import dev.roster.domain.Principal;
import java.util.HashMap;
import java.util.Map;

/** Who made a change, as a person reads it: a console user by login name, anything else by its type and ID. */
final class ActorNames {
    private final Users users;
    private final Principal who;
    private final Map<String, String> logins = new HashMap<>();

    ActorNames(Users users, Principal who) {
        this.users = users;
        this.who = who;
    }

    /** Trusted markup; looks each user up once per page. */
    String html(Actor actor) {
        if (actor.type() != Actor.Type.USER) {
            return Html.esc(label(actor.type()) + " " + actor.id());
        }
        String login = logins.computeIfAbsent(actor.id(), id -> {
            try {
                return users.get(who, id).username();
            } catch (DomainError e) {
                return "(deleted user)";
            }
        });
        return "user " + Html.esc(login) + " <code>" + Html.esc(actor.id()) + "</code>";
    }

    private static String label(Actor.Type type) {
        return switch (type) {
            case API_KEY -> "API key";
            case CLI -> "operator (CLI)";
            case SYSTEM -> "Roster";
            case USER -> "user";
        };
    }
}
