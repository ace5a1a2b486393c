package dev.roster.http.console;

import com.linecorp.armeria.server.ServiceRequestContext;
import java.util.Map;

/** What a redirect after a change says: a fixed code in the URL, so no text from outside reaches the page. */
final class Notices {
    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("created", "The customer was created."),
            Map.entry("deactivated", "The customer was deactivated."),
            Map.entry("reactivated", "The customer was reactivated."),
            Map.entry("linked", "The user was added."),
            Map.entry("unlinked", "The user was removed."),
            Map.entry("user-deactivate", "The user was deactivated."),
            Map.entry("user-reactivate", "The user was reactivated."),
            Map.entry("user-lock", "The user was locked."),
            Map.entry("user-unlock", "The user was unlocked."),
            Map.entry("user-delete", "The user was deleted."),
            Map.entry("key-revoked", "The API key was revoked."));

    private Notices() {
    }

    static String of(ServiceRequestContext ctx) {
        String code = ctx.queryParams().get("done");
        return code == null ? null : TEXTS.get(code);
    }
}
