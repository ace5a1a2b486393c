package dev.roster.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Named parameters for a condition built at run time: values are always bound, never written into the SQL. */
final class SqlParameters {
    private final String prefix;
    private final Map<String, Object> values = new HashMap<>();

    SqlParameters(String prefix) {
        this.prefix = prefix;
    }

    /** The placeholder of a newly bound value. */
    String bind(Object value) {
        String name = prefix + values.size();
        values.put(name, value);
        return ":" + name;
    }

    /** {@code column IN (…)}; an empty list matches nothing. */
    String in(String column, List<String> candidates) {
        if (candidates.isEmpty()) {
            return "1 = 0";
        }
        StringBuilder sb = new StringBuilder(column).append(" IN (");
        for (int i = 0; i < candidates.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(bind(candidates.get(i)));
        }
        return sb.append(')').toString();
    }

    Map<String, Object> values() {
        return values;
    }
}
