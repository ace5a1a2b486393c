package dev.roster.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void an_id_is_its_prefix_and_32_lowercase_hex_characters() {
        for (Ids kind : Ids.values()) {
            String id = kind.next();
            assertThat(id).matches("^[a-z]{3}_[0-9a-f]{32}$");
            assertThat(kind.matches(id)).isTrue();
        }
    }

    @Test
    void anything_else_is_refused_naming_the_field_and_the_shape() {
        String good = Ids.CUSTOMER.next();
        for (String bad : new String[] {null, "", "cus_", good.toUpperCase(), good + "0", good.substring(0, 35),
                "usr_" + good.substring(4), "cus_" + "g".repeat(32), "cus-" + good.substring(4),
                good.substring(0, 20) + "/" + good.substring(21), " " + good.substring(1)}) {
            assertThat(Ids.CUSTOMER.matches(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> Ids.CUSTOMER.require("expressCustomerId", "cus_x"))
                .isInstanceOf(DomainError.class)
                .hasMessageContaining("expressCustomerId")
                .hasMessageContaining("must match ^cus_[0-9a-f]{32}$");
    }

    @Test
    void the_first_twelve_hex_characters_are_the_creation_time_in_milliseconds() {
        long before = System.currentTimeMillis();
        String id = Ids.CUSTOMER.next();
        long after = System.currentTimeMillis();

        long encoded = Long.parseLong(id.substring(4, 16), 16);
        assertThat(encoded).isBetween(before, after);
    }

    @Test
    void ids_made_in_a_later_millisecond_sort_after_earlier_ones() {
        long now = 1_780_000_000_000L;
        String earlier = Ids.USER.next(now);
        String later = Ids.USER.next(now + 1);
        assertThat(later).isGreaterThan(earlier);
        // The width is fixed, so string order is time order across the whole range.
        assertThat(Ids.USER.next(0)).startsWith("usr_000000000000");
        assertThat(Ids.USER.next(0xffff_ffff_ffffL)).startsWith("usr_ffffffffffff");
    }

    @Test
    void ids_made_in_the_same_millisecond_differ_in_their_random_part() {
        long now = System.currentTimeMillis();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(Ids.STUDY.next(now));
        }
        assertThat(seen).hasSize(100_000);
    }
}
