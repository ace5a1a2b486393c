package dev.roster.http.v1;

import com.linecorp.armeria.common.QueryParams;
import dev.roster.domain.DomainError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code cursor} and {@code limit} as the Avara SDKs send them: {@code limit=10} or {@code limit=10.0} (Java sends a
 * double), an empty value meaning "not set". Anything but an integral number in 1..100 is refused, never clamped.
 */
record ListParams(Optional<String> cursor, int limit) {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("^[0-9]{1,9}(\\.[0-9]{1,9})?$");

    static ListParams of(QueryParams query) {
        return new ListParams(single(query, "cursor"), limit(single(query, "limit")));
    }

    /** A parameter given once; an empty value is the SDKs' way of sending null. */
    static Optional<String> single(QueryParams query, String name) {
        List<String> values = query.getAll(name);
        if (values.size() > 1) {
            throw DomainError.invalidField(name, "must be given at most once");
        }
        return values.stream().filter(v -> !v.isEmpty()).findFirst();
    }

    private static int limit(Optional<String> raw) {
        if (raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        // Only the forms the SDKs write (10, 10.0): no sign, exponent or spaces, which BigDecimal would also take.
        if (!PLAIN_DECIMAL.matcher(raw.get()).matches()) {
            throw outOfRange();
        }
        BigDecimal value = new BigDecimal(raw.get());
        if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(MAX_LIMIT)) > 0
                || value.stripTrailingZeros().scale() > 0) {
            throw outOfRange();
        }
        return value.intValueExact();
    }

    private static DomainError outOfRange() {
        return DomainError.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
