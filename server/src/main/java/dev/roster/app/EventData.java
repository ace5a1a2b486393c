package dev.roster.app;

import dev.roster.domain.ApiKey;
import dev.roster.domain.ExpressCustomer;
import dev.roster.domain.Organization;
import dev.roster.domain.Session;
import dev.roster.domain.StudyView;
import dev.roster.domain.User;
import dev.roster.domain.WebhookEndpoint;

/**
 * An event's {@code data}: the object after the change, as JSON text in the shape the API answers with, so a reader
 * of the events feed or a webhook parses it with the same code as the API's answers. The HTTP layer owns those
 * shapes and implements this.
 */
public interface EventData {
    /** The v1 Express customer. */
    String customer(ExpressCustomer c);

    /** The v1 Express customer and the {@code userId} linked to it or unlinked from it. */
    String customerLink(ExpressCustomer c, String userId);

    /** The v1 Study. */
    String study(StudyView s);

    /** The v2 (ZITADEL) User, also for changes made through the v1 Viewer users API. */
    String user(User u);

    /** The v2 (ZITADEL) Session. */
    String session(Session s);

    /** The API key as the administration API lists it, never with its secret. */
    String apiKey(ApiKey k);

    String organization(Organization o);

    /** The webhook endpoint as its API answers, never with its secret. */
    String webhookEndpoint(WebhookEndpoint e);
}
