package dev.roster.domain;

import java.util.List;

/**
 * How much one search may ask for. Every query becomes part of one SQL condition and every listed value one bound
 * parameter: without a bound, a request could build a statement the database refuses (SQLite's expression depth,
 * PostgreSQL's 65,535 parameters) or fill the server's memory with statement text.
 */
public final class QueryLimits {
    /** Search queries in one request, nested ones included. */
    public static final int MAX_QUERIES = 100;
    /** Values in one list query (IDs, emails). */
    public static final int MAX_LIST_VALUES = 1_000;
    /** Values in all the list queries of one request together. */
    public static final int MAX_VALUES_PER_REQUEST = 1_000;

    private int queries;
    private int values;

    /** Counts one more query of the request; refuses the one past the limit. */
    public void countQuery(String field) {
        if (++queries > MAX_QUERIES) {
            throw DomainError.invalidField(field, "at most " + MAX_QUERIES + " queries in one request, nested ones included");
        }
    }

    /** Counts a list query's values; refuses a list, or a request, with too many. */
    public <T> List<T> countValues(String field, List<T> list) {
        if (list.size() > MAX_LIST_VALUES) {
            throw DomainError.invalidField(field, "at most " + MAX_LIST_VALUES + " values");
        }
        values += list.size();
        if (values > MAX_VALUES_PER_REQUEST) {
            throw DomainError.invalidField(field,
                    "at most " + MAX_VALUES_PER_REQUEST + " values in all the list queries of one request");
        }
        return List.copyOf(list);
    }
}
