package dev.roster.domain;

import java.util.List;

/** One page of a keyset-paginated list; {@code next} is empty on the last page. */
public record Page<T>(List<T> items, java.util.Optional<Keyset> next) {
    public boolean hasMore() {
        return next.isPresent();
    }
}
