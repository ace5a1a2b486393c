package dev.roster.http.console;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import dev.roster.app.ConsoleAccess;

/** The document around every console page: language, viewport, navigation, skip link and security headers. */
final class Layout {
    private Layout() {
    }

    /** Where the console's pages live; the cookie is scoped to it. */
    static final String ROOT = "/console";

    static HttpResponse page(HttpStatus status, String title, ConsoleAccess.SignedIn who, String csrf, String main) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.esc(title)).append(" · Roster console</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(ROOT).append("/static/console.css\">")
                .append("</head><body><a class=\"skip\" href=\"#main\">Skip to content</a><header><p class=\"brand\">Roster console</p>");
        if (who != null) {
            sb.append("<nav aria-label=\"Main\"><ul>")
                    .append("<li><a href=\"").append(ROOT).append("/customers\">Customers</a></li>")
                    .append("<li><a href=\"").append(ROOT).append("/users\">Users</a></li>")
                    .append("<li><a href=\"").append(ROOT).append("/api-keys\">API keys</a></li>")
                    .append("</ul></nav><div class=\"me\"><span>Signed in as ")
                    .append(Html.esc(who.user().username())).append("</span>")
                    .append(Html.form(ROOT + "/logout", csrf, "inline", Html.button("Log out")))
                    .append("</div>");
        }
        sb.append("</header><main id=\"main\" tabindex=\"-1\"><h1>").append(Html.esc(title)).append("</h1>")
                .append(main).append("</main></body></html>");
        return HttpResponse.of(headers(status), com.linecorp.armeria.common.HttpData.ofUtf8(sb.toString()));
    }

    static ResponseHeaders headers(HttpStatus status) {
        return ResponseHeaders.builder(status)
                .contentType(MediaType.HTML_UTF_8)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                // Only our own stylesheet; no scripts, no framing, forms post only to this origin.
                .set("content-security-policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                .set("x-content-type-options", "nosniff")
                .set("referrer-policy", "same-origin")
                .build();
    }

    /** POST/redirect/GET: the browser shows the page again without resending the form. */
    static HttpResponse redirect(String location) {
        return HttpResponse.of(ResponseHeaders.builder(HttpStatus.SEE_OTHER)
                .set(HttpHeaderNames.LOCATION, location)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .build());
    }
}
