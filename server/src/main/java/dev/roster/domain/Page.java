package dev.roster.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a keyset-paginated list; {@code next} is empty on the last page. */
public record Page<T>(List<T> items, Optional<Keyset> next) {
    public boolean hasMore() {
        return next.isPresent();
    }

    /**
     * A page from a query that asked for {@code limit + 1} rows: the extra row only proves that more follow, and the
     * next page starts after the last row shown.
     */
    public static <T> Page<T> ofOverfetched(List<T> rows, int limit, Function<T, Keyset> position) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Page<>(items, Optional.of(position.apply(items.getLast())));
    }
}
