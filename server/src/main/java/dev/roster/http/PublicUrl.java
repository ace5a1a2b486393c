package dev.roster.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.IntSupplier;

/**
 * The base URL under which people reach this Roster, for links it hands out. Configured by the operator (behind a
 * proxy or TLS terminator only they know it); otherwise {@code http://localhost:<port>} of the listening port.
 */
public final class PublicUrl {
    private final String configured;
    private final IntSupplier port;

    private PublicUrl(String configured, IntSupplier port) {
        this.configured = configured;
        this.port = port;
    }

    /** {@code configured} may be null or blank for the default; anything else must be an absolute http(s) URL. */
    public static PublicUrl of(String configured, IntSupplier port) {
        if (configured == null || configured.isBlank()) {
            return new PublicUrl(null, port);
        }
        return new PublicUrl(validate(configured.strip()), port);
    }

    /** True when people reach this Roster over https (as the operator configured it). */
    public boolean https() {
        return configured != null && configured.regionMatches(true, 0, "https:", 0, 6);
    }

    /** {@code path} (starting with a slash) under the base URL. */
    public String resolve(String path) {
        String base = configured != null ? configured : "http://localhost:" + port.getAsInt();
        return base + path;
    }

    private static String validate(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the public URL is not a valid URL: " + url);
        }
        String scheme = uri.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("the public URL must be an absolute http or https URL without query: "
                    + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
