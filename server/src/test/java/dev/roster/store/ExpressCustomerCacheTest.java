package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.domain.ExpressCustomer;
import dev.roster.domain.Metadata;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules that keep the in-memory customers from ever being older than what is committed. */
class ExpressCustomerCacheTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private final ExpressCustomerCache cache = ExpressCustomerCache.bounded(100);

    @Test
    void aReadIsKeptWhenNothingChangedMeanwhile() {
        long stamp = cache.stamp();
        cache.offer(customer("org_a", 1), stamp);
        assertThat(cache.get("org_a", "cus_1")).contains(customer("org_a", 1));
    }

    @Test
    void aReadThatRacedWithACommittedChangeIsNotKept() {
        long stamp = cache.stamp();           // a reader starts and reads version 1
        cache.forget("org_a", "cus_1");       // meanwhile version 2 commits
        cache.offer(customer("org_a", 1), stamp);
        assertThat(cache.get("org_a", "cus_1")).isEmpty();

        cache.offer(customer("org_a", 2), cache.stamp()); // the next reader sees version 2
        assertThat(cache.get("org_a", "cus_1")).contains(customer("org_a", 2));
    }

    @Test
    void aCommittedChangeRemovesWhatWasKept() {
        cache.offer(customer("org_a", 1), cache.stamp());
        cache.forget("org_a", "cus_1");
        assertThat(cache.get("org_a", "cus_1")).isEmpty();
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        long early = cache.stamp();
        cache.offer(customer("org_a", 3), cache.stamp());
        cache.offer(customer("org_a", 2), early);
        assertThat(cache.get("org_a", "cus_1")).contains(customer("org_a", 3));
    }

    @Test
    void aCustomerIsOnlyFoundInItsOwnOrganization() {
        cache.offer(customer("org_a", 1), cache.stamp());
        assertThat(cache.get("org_b", "cus_1")).isEmpty();
    }

    @Test
    void noneKeepsNothing() {
        ExpressCustomerCache none = ExpressCustomerCache.NONE;
        none.offer(customer("org_a", 1), none.stamp());
        assertThat(none.enabled()).isFalse();
        assertThat(none.get("org_a", "cus_1")).isEmpty();
    }

    private static ExpressCustomer customer(String org, long version) {
        return new ExpressCustomer(org, "cus_1", "Customer v" + version, true, 0, Metadata.EMPTY, T, T,
                "key_1", null, version);
    }
}
