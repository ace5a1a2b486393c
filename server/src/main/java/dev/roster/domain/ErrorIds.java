package dev.roster.domain;

/**
 * The stable error IDs Roster documents. ZITADEL's IDs are reused verbatim where Roster mirrors the
 * condition; everything else is Roster's own. Clients match on these, so they never change.
 */
public final class ErrorIds {
    private ErrorIds() {
    }

    // Request shape
    public static final String INVALID_ARGUMENT = "ROSTER-INVALID-ARGUMENT";
    public static final String MALFORMED_JSON = "ROSTER-MALFORMED-JSON";
    public static final String INVALID_CURSOR = "ROSTER-INVALID-CURSOR";
    public static final String ROUTE_NOT_FOUND = "ROSTER-ROUTE-NOT-FOUND";
    public static final String METHOD_NOT_ALLOWED = "ROSTER-METHOD-NOT-ALLOWED";
    public static final String REQUEST_REJECTED = "ROSTER-REQUEST-REJECTED";
    public static final String INTERNAL = "ROSTER-INTERNAL";
    public static final String IDEMPOTENCY_KEY_REUSED = "ROSTER-IDEMPOTENCY-KEY-REUSED";
    public static final String IDEMPOTENCY_KEY_IN_FLIGHT = "ROSTER-IDEMPOTENCY-KEY-IN-FLIGHT";
    public static final String UNAVAILABLE = "ROSTER-UNAVAILABLE";
    public static final String DATABASE_UNAVAILABLE = "ROSTER-DATABASE-UNAVAILABLE";
    public static final String CLIENT_CLOSED = "ROSTER-CLIENT-CLOSED";
    /** The request (its body, usually) did not arrive within the server's request timeout. */
    public static final String REQUEST_TIMEOUT = "ROSTER-REQUEST-TIMEOUT";
    /** The server did not answer within the request timeout, or a gRPC call's own deadline ({@code grpc-timeout}). */
    public static final String DEADLINE_EXCEEDED = "ROSTER-DEADLINE-EXCEEDED";
    /** A gRPC or gRPC-Web message that cannot be read: bad framing, compression or protobuf bytes. */
    public static final String MALFORMED_MESSAGE = "ROSTER-MALFORMED-MESSAGE";
    /** A gRPC message over the request size limit, before or after decompression. */
    public static final String MESSAGE_TOO_LARGE = "ROSTER-MESSAGE-TOO-LARGE";

    // Rate limits
    public static final String RATE_LIMITED = "ROSTER-RATE-LIMITED";
    public static final String PASSWORD_CHECKS_LIMITED = "ROSTER-PASSWORD-CHECKS-LIMITED";

    // Authentication and authorization (ZITADEL's IDs)
    /** The console lets in only an organization's owner and admins. */
    public static final String CONSOLE_NOT_ALLOWED = "ROSTER-CONSOLE-NOT-ALLOWED";
    /** No console session, or one that ended. */
    public static final String CONSOLE_NOT_SIGNED_IN = "ROSTER-CONSOLE-NOT-SIGNED-IN";
    public static final String AUTH_MISSING = "ROSTER-AUTH-MISSING";
    public static final String TOKEN_INVALID = "AUTH-7fs1e";
    public static final String PERMISSION_DENIED = "AUTH-5mWD2";

    // Organizations and keys
    public static final String ORGANIZATION_NOT_FOUND = "ORGANIZATION-NOT-FOUND";
    public static final String API_KEY_NOT_FOUND = "APIKEY-NOT-FOUND";

    // Express customers
    public static final String EXPRESS_NOT_FOUND = "EXPRESS-NOT-FOUND";
    public static final String EXPRESS_CUSTOMER_INACTIVE = "EXPRESS-CUSTOMER-INACTIVE";

    // Webhook endpoints
    public static final String WEBHOOK_ENDPOINT_NOT_FOUND = "WEBHOOK-ENDPOINT-NOT-FOUND";
    public static final String WEBHOOK_EVENT_NOT_FOUND = "WEBHOOK-EVENT-NOT-FOUND";

    // Viewer studies
    public static final String STUDY_NOT_FOUND = "STUDY-NOT-FOUND";
    public static final String STUDY_ALREADY_EXISTS = "STUDY-ALREADY-EXISTS";
    public static final String STUDY_NOT_CANCELLED = "STUDY-NOT-CANCELLED";

    // Viewer users
    public static final String USER_EMAIL_TAKEN = "USER-EMAIL-TAKEN";
    public static final String USER_OWNER_PROTECTED = "USER-OWNER-PROTECTED";
    public static final String USER_OWNER_EXISTS = "USER-OWNER-EXISTS";

    // Users (ZITADEL's IDs, zitadel-v2.md §8.4)
    public static final String USER_NOT_FOUND = "QUERY-Dfbg2";
    public static final String USER_NOT_FOUND_DEACTIVATE = "COMMAND-5gp2p62iin";
    public static final String USER_NOT_FOUND_REACTIVATE = "COMMAND-9hy5kzbuk6";
    public static final String USER_NOT_FOUND_LOCK = "COMMAND-450yxuqrh1";
    public static final String USER_NOT_FOUND_UNLOCK = "COMMAND-x377t913pw";
    public static final String USER_NOT_FOUND_DELETE = "COMMAND-bd4ir1mblj";
    public static final String USER_NOT_FOUND_UPDATE = "COMMAND-ugjs0upun6";
    public static final String USER_NOT_FOUND_PASSWORD = "COMMAND-G8dh3";
    public static final String USER_ALREADY_INACTIVE = "COMMAND-5gunjw0cd7";
    public static final String USER_CANT_DEACTIVATE_INITIAL = "COMMAND-gvx4kct9r2";
    public static final String USER_NOT_INACTIVE = "COMMAND-s5qqcz97hf";
    public static final String USER_SHOULD_BE_ACTIVE_OR_INITIAL = "COMMAND-lgws8wtsqf";
    public static final String USER_NOT_LOCKED = "COMMAND-olb9vb0oca";
    public static final String USER_ID_EXISTS = "COMMAND-7yiox1isql";
    public static final String USERNAME_TAKEN = "V3-DKcYh";
    public static final String USER_NOT_INITIALISED = "COMMAND-M9dse";
    public static final String PASSWORD_TOO_SHORT = "DOMAIN-HuJf6";
    public static final String PASSWORD_INVALID = "COMMAND-3M0fs";
    public static final String PASSWORD_NOT_CHANGED = "COMMAND-Aesh5";
    public static final String CODE_NOT_FOUND = "COMMAND-2M9fs";
    public static final String PASSWORD_HASH_NOT_SUPPORTED = "USER-oz74onzvqr";
    public static final String LIMIT_EXCEEDED = "QUERY-4M0fs";
    public static final String TOO_MANY_NESTING_LEVELS = "USER-zsQ97";
    public static final String USER_QUERY_INVALID = "GRPC-vR9nC";
    public static final String UNSUPPORTED = "ROSTER-UNSUPPORTED";
    /** v1: a user who is not active cannot be linked (avara-v1.md §6.0 item 10). */
    public static final String USER_NOT_ACTIVE = "USER-NOT-ACTIVE";

    // Sessions (ZITADEL's IDs)
    public static final String SESSION_USER_NOT_ACTIVE = "SESSION-Gj4ko";
    public static final String SESSION_PASSWORD_WITHOUT_USER = "COMMAND-Sfw3f";
    public static final String SESSION_PASSWORD_NOT_SET = "COMMAND-WEf3t";
    public static final String SESSION_NOT_FOUND = "QUERY-SFeaa";
    public static final String SESSION_TOKEN_MISMATCH_GET = "QUERY-dsfr3";
    public static final String SESSION_TOKEN_INVALID_DELETE = "COMMAND-sGr42";
    public static final String SESSION_QUERY_INVALID = "GRPC-Sfefs";
}
