package dev.roster.http.console;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.QueryParams;
import java.util.List;

/** Parameters of a posted form or of a query string; absent and blank values read as null. */
record Form(QueryParams params) {
    static Form of(AggregatedHttpRequest req) {
        return new Form(QueryParams.fromQueryString(req.contentUtf8()));
    }

    static Form query(com.linecorp.armeria.server.ServiceRequestContext ctx) {
        return new Form(ctx.queryParams());
    }

    String get(String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    List<String> all(String name) {
        return params.getAll(name);
    }

    /** A page number from 1; anything else is the first page. */
    int page() {
        try {
            int p = Integer.parseInt(params.get("page", "1"));
            return Math.max(1, Math.min(p, 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
