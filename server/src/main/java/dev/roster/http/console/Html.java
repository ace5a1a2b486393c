package dev.roster.http.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** HTML escaping and the few markup pieces every console page repeats; every text from data goes through esc. */
final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** Text safe in element content and in quoted attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String time(Instant at) {
        return at == null ? "" : "<time datetime=\"" + at + "\">" + TIME.format(at) + "</time>";
    }

    /** A form that posts to {@code action} with the session's CSRF token; {@code fields} is trusted markup. */
    static String form(String action, String csrf, String cssClass, String fields) {
        return "<form method=\"post\" action=\"" + esc(action) + "\" class=\"" + cssClass + "\">"
                + "<input type=\"hidden\" name=\"" + Csrf.FIELD + "\" value=\"" + esc(csrf) + "\">" + fields + "</form>";
    }

    /** A required reason field with its label; {@code id} must be unique on the page. */
    static String reasonField(String id) {
        return "<label for=\"" + esc(id) + "\">Reason</label>"
                + "<input id=\"" + esc(id) + "\" name=\"reason\" required maxlength=\""
                + dev.roster.http.Reasons.MAX_LENGTH + "\" autocomplete=\"off\">";
    }

    static String button(String text) {
        return "<button type=\"submit\">" + esc(text) + "</button>";
    }

    /** A status message read out by screen readers when it appears. */
    static String notice(String text) {
        return text == null ? "" : "<p class=\"notice\" role=\"status\">" + esc(text) + "</p>";
    }

    static String error(String text) {
        return text == null ? "" : "<p class=\"error\" role=\"alert\">" + esc(text) + "</p>";
    }
}
