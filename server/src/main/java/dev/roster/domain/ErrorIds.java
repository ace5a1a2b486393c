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

    // Authentication and authorization (ZITADEL's IDs)
    public static final String AUTH_MISSING = "ROSTER-AUTH-MISSING";
    public static final String TOKEN_INVALID = "AUTH-7fs1e";
    public static final String PERMISSION_DENIED = "AUTH-5mWD2";

    // Organizations and keys
    public static final String ORGANIZATION_NOT_FOUND = "ORGANIZATION-NOT-FOUND";
    public static final String API_KEY_NOT_FOUND = "APIKEY-NOT-FOUND";

    // Express customers
    public static final String EXPRESS_NOT_FOUND = "EXPRESS-NOT-FOUND";
    public static final String EXPRESS_CUSTOMER_INACTIVE = "EXPRESS-CUSTOMER-INACTIVE";
}
