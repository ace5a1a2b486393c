package dev.roster.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where an organization's events are POSTed, which of them, and the secrets that sign them. {@code eventTypes}
 * empty means every event; an entry is an exact type ({@code user.locked}) or a family ({@code express_customer.*}).
 * After a rotation the previous secret keeps signing beside the new one until {@code previousSecretUntil}.
 */
public record WebhookEndpoint(
        String organizationId,
        String id,
        String url,
        List<String> eventTypes,
        String description,
        boolean enabled,
        String disabledReason,
        String secret,
        String previousSecret,
        Instant previousSecretUntil,
        Instant createdAt,
        Instant updatedAt,
        String createdByApiKeyId,
        long version) {
    public static final int MAX_URL = 2048;
    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_EVENT_TYPES = 100;
    /** How long a rotated-out secret still signs, so receivers can switch over without losing a delivery. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    private static final Pattern EVENT_TYPE = Pattern.compile("^(\\*|[a-z0-9_]{1,40}(\\.[a-z0-9_]{1,40}){0,3}(\\.\\*)?)$");

    public WebhookEndpoint {
        eventTypes = List.copyOf(eventTypes);
    }

    /** An absolute http(s) URL with a host, without credentials in it; the address checks come later. */
    public static String validUrl(String url) {
        if (url == null || url.isBlank() || Text.length(url) > MAX_URL) {
            throw DomainError.invalidField("url", "must be an http or https URL of at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw DomainError.invalidField("url", "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw DomainError.invalidField("url", "must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw DomainError.invalidField("url", "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw DomainError.invalidField("url", "must not carry a user name or password");
        }
        return uri.toString();
    }

    /** Distinct, in the order given; each an exact type, a family ending in {@code .*}, or {@code *}. */
    public static List<String> validEventTypes(List<String> types) {
        if (types.size() > MAX_EVENT_TYPES) {
            throw DomainError.invalidField("eventTypes", "must hold at most " + MAX_EVENT_TYPES + " entries");
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String t : types) {
            if (t == null || !EVENT_TYPE.matcher(t).matches()) {
                throw DomainError.invalidField("eventTypes", "each entry must be an event type such as "
                        + "user.locked, a family such as express_customer.*, or *");
            }
            distinct.add(t);
        }
        return new ArrayList<>(distinct);
    }

    public static String validDescription(String description) {
        String d = description == null ? "" : description.strip();
        if (Text.length(d) > MAX_DESCRIPTION) {
            throw DomainError.invalidField("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        return d;
    }

    /** Whether an event of {@code type} goes to this endpoint. */
    public boolean wants(String type) {
        if (eventTypes.isEmpty()) {
            return true;
        }
        for (String t : eventTypes) {
            if (t.equals("*") || t.equals(type) || (t.endsWith(".*") && type.startsWith(t.substring(0, t.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The secrets that sign a delivery at {@code now}: the current one, then the rotated-out one while it lasts. */
    public List<String> signingSecrets(Instant now) {
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            return List.of(secret, previousSecret);
        }
        return List.of(secret);
    }

    public WebhookEndpoint withDetails(String newUrl, List<String> types, String newDescription, boolean on,
                                       Instant now) {
        String reason = on ? null : (enabled ? "disabled by request" : disabledReason);
        return new WebhookEndpoint(organizationId, id, newUrl, types, newDescription, on, reason, secret,
                previousSecret, previousSecretUntil, createdAt, now, createdByApiKeyId, version + 1);
    }

    public WebhookEndpoint disabled(String reason, Instant now) {
        return new WebhookEndpoint(organizationId, id, url, eventTypes, description, false, reason, secret,
                previousSecret, previousSecretUntil, createdAt, now, createdByApiKeyId, version + 1);
    }

    public WebhookEndpoint rotated(String newSecret, Instant now) {
        return new WebhookEndpoint(organizationId, id, url, eventTypes, description, enabled, disabledReason,
                newSecret, secret, now.plus(ROTATION_OVERLAP), createdAt, now, createdByApiKeyId, version + 1);
    }

    public WebhookEndpoint deleted(Instant now) {
        return new WebhookEndpoint(organizationId, id, url, eventTypes, description, false, "deleted", secret,
                previousSecret, previousSecretUntil, createdAt, now, createdByApiKeyId, version + 1);
    }

    @Override
    public String toString() {
        // Never print a secret, whoever logs the record.
        return "WebhookEndpoint[" + organizationId + "/" + id + " " + url + " enabled=" + enabled + " v" + version + "]";
    }
}
