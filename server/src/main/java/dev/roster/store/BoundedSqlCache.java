package dev.roster.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.cache.JdbiCache;
import org.jdbi.v3.core.cache.JdbiCacheBuilder;
import org.jdbi.v3.core.cache.JdbiCacheLoader;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Jdbi's SQL caches (rendered templates and parsed statements) bounded by the size of what they hold, not only by
 * entry count. Search filters build their SQL from the request, so one client can make many distinct statements of
 * up to {@link dev.roster.domain.QueryLimits}' size; Jdbi's default of 1,000 entries each then held tens of MB of
 * statement text and parameter names, enough to fill the server's heap.
 */
final class BoundedSqlCache implements JdbiCacheBuilder {
    /** Characters of SQL (and parameter names, at {@link #CHARS_PER_PARAMETER} each) one cache holds at most. */
    static final long MAX_WEIGHT = 1_000_000;
    /** A parsed parameter's name and list slot, counted in characters. */
    private static final int CHARS_PER_PARAMETER = 24;

    private final long maxWeight;

    BoundedSqlCache(long maxWeight) {
        this.maxWeight = maxWeight;
    }

    /** Gives {@code jdbi} bounded template and parse caches. */
    static void install(Jdbi jdbi) {
        jdbi.getConfig(SqlStatements.class).setTemplateCache(new BoundedSqlCache(MAX_WEIGHT));
        jdbi.setSqlParser(new ColonPrefixSqlParser(new BoundedSqlCache(MAX_WEIGHT)));
    }

    /** What a cache holds: its entries and their total weight, never above the bound once evictions ran. */
    record Stats(long entries, long weight) {
    }

    @Override
    public <K, V> JdbiCache<K, V> build() {
        return new Bounded<>(newCache(), null);
    }

    @Override
    public <K, V> JdbiCache<K, V> buildWithLoader(JdbiCacheLoader<K, V> loader) {
        return new Bounded<>(newCache(), loader);
    }

    /** Jdbi asks for its entry count here; the weight bound already limits entries, since each weighs at least 1. */
    @Override
    public JdbiCacheBuilder maxSize(int maxSize) {
        return this;
    }

    private <K, V> Cache<K, V> newCache() {
        return Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .weigher((K key, V value) -> weight(key, value))
                .executor(Runnable::run) // evict on the caller's thread: the bound holds without a background task
                .build();
    }

    static int weight(Object key, Object value) {
        long chars = String.valueOf(key).length();
        if (value instanceof ParsedSql parsed) {
            chars += parsed.getSql().length() + (long) CHARS_PER_PARAMETER * parsed.getParameters().getParameterCount();
        } else if (value instanceof CharSequence text) {
            chars += text.length();
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, chars));
    }

    private record Bounded<K, V>(Cache<K, V> cache, JdbiCacheLoader<K, V> loader) implements JdbiCache<K, V> {
        @Override
        public V get(K key) {
            return loader == null ? cache.getIfPresent(key) : cache.get(key, loader::create);
        }

        @Override
        public V getWithLoader(K key, JdbiCacheLoader<K, V> given) {
            return cache.get(key, given::create);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getStats() {
            cache.cleanUp();
            return (T) new Stats(cache.estimatedSize(),
                    cache.policy().eviction().orElseThrow().weightedSize().orElseThrow());
        }
    }
}
