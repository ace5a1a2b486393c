package dev.roster.http.console;

/** Offset pages of a console list and the links between them, keeping the list's filters. */
record Paging(int page, long total) {
    static final int SIZE = 20;

    /** Where page {@code page} (counted from 1) starts; every page holds {@link #SIZE} rows. */
    static long offsetOf(int page) {
        return (long) (page - 1) * SIZE;
    }

    long offset() {
        return offsetOf(page);
    }

    /** "Showing 21–40 of 57" and the previous and next links; {@code base} ends with its filters and an ampersand. */
    String nav(String base, int shown) {
        long first = shown == 0 ? 0 : offset() + 1;
        StringBuilder sb = new StringBuilder("<nav class=\"paging\" aria-label=\"Pages\"><p>Showing ")
                .append(first).append('–').append(offset() + shown).append(" of ").append(total).append("</p>");
        if (page > 1) {
            sb.append("<a rel=\"prev\" href=\"").append(Html.esc(base + "page=" + (page - 1))).append("\">Previous page</a>");
        }
        if (offset() + shown < total) {
            sb.append("<a rel=\"next\" href=\"").append(Html.esc(base + "page=" + (page + 1))).append("\">Next page</a>");
        }
        return sb.append("</nav>").toString();
    }
}
