package dev.roster.http.console;

import com.linecorp.armeria.server.ServerBuilder;
import dev.roster.app.Roster;

/**
 * The operators' web console under {@code /console}: server-rendered HTML pages and plain forms (POST, then redirect),
 * on the same use cases as the API with the signed-in user as actor. Not part of the JSON API or its OpenAPI document.
 */
public final class Console {
    private Console() {
    }

    /** {@code publicHttps}: the public URL is https, so cookies are Secure even behind a TLS-terminating proxy. */
    public static void install(ServerBuilder sb, Roster roster, boolean publicHttps) {
        Guard guard = new Guard(roster.console(), publicHttps);
        sb.annotatedService(new StaticAssets());
        sb.annotatedService(new LoginPage(guard));
        sb.annotatedService(new CustomersPage(guard, roster.customers()));
        sb.annotatedService(new CustomerPage(guard, roster.customers(), roster.users(), roster.studies(),
                roster.events()));
        sb.annotatedService(new UsersPage(guard, roster.users()));
        sb.annotatedService(new ApiKeysPage(guard, roster.apiKeys()));
    }
}
