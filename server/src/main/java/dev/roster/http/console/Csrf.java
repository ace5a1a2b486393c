package dev.roster.http.console;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.RequestHeaders;
import java.net.URI;

/**
 * Cross-site request forgery defences besides SameSite=Strict: a form must carry the session's token, and a browser
 * that says where a request came from must say it came from this origin.
 */
final class Csrf {
    static final String FIELD = "_csrf";

    private Csrf() {
    }

    /** False when {@code Sec-Fetch-Site} or {@code Origin} name another site; true when a browser sends neither. */
    static boolean sameOrigin(RequestHeaders headers) {
        String site = headers.get("sec-fetch-site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = headers.get(HttpHeaderNames.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = headers.authority();
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && uri.getHost() != null && (authority.equalsIgnoreCase(host)
                    || uri.getHost().equalsIgnoreCase(stripPort(host)) && uri.getPort() < 0);
        } catch (IllegalArgumentException e) {
            return false; // "null" and other opaque origins
        }
    }

    private static String stripPort(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon > 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
    }
}
