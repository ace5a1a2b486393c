package dev.roster.http.v2;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.proto.zitadel.object.v2.Details;
import dev.roster.proto.zitadel.object.v2.ListDetails;
import dev.roster.proto.zitadel.object.v2.ListQuery;
import java.time.Instant;

/** Conversions every v2 message shares: times, change details, paging. */
final class Protos {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Instant LAST_TIMESTAMP = Instant.ofEpochSecond(Timestamps.MAX_VALUE.getSeconds(),
            Timestamps.MAX_VALUE.getNanos());

    private Protos() {
    }

    /**
     * Capped at the last instant of year 9999, the end of the protobuf range: a session expiring later (stored before
     * lifetimes were bounded) would otherwise make every JSON answer that lists it fail.
     */
    static Timestamp timestamp(Instant instant) {
        Instant inRange = instant.isAfter(LAST_TIMESTAMP) ? LAST_TIMESTAMP : instant;
        return Timestamp.newBuilder().setSeconds(inRange.getEpochSecond()).setNanos(inRange.getNano()).build();
    }

    /** A timestamp a request gave for {@code field}; outside years 1 to 9999 it is refused. */
    static Instant instant(String field, Timestamp t) {
        if (!Timestamps.isValid(t)) {
            throw DomainError.invalidField(field, "timestamp must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        }
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    static Details details(long version, Instant changed, String organizationId, Instant created) {
        Details.Builder d = Details.newBuilder()
                .setSequence(version)
                .setChangeDate(timestamp(changed))
                .setResourceOwner(organizationId);
        if (created != null) {
            d.setCreationDate(timestamp(created));
        }
        return d.build();
    }

    static ListDetails listDetails(long total, Instant now) {
        Instant millis = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return ListDetails.newBuilder().setTotalResult(total).setTimestamp(timestamp(millis)).build();
    }

    /** 0 means the default; above the maximum is refused, never clamped. */
    static int limit(ListQuery q) {
        int limit = q.getLimit();
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new DomainError(Code.INVALID_ARGUMENT, ErrorIds.LIMIT_EXCEEDED, "Limit exceeded");
        }
        return limit == 0 ? DEFAULT_LIMIT : limit;
    }

    static long offset(ListQuery q) {
        if (q.getOffset() < 0) {
            throw DomainError.invalidField("query.offset", "value is out of range");
        }
        return q.getOffset();
    }

    /** A request field Roster does not implement is refused, never silently ignored. */
    static DomainError unsupported(String jsonName) {
        return new DomainError(Code.UNIMPLEMENTED, ErrorIds.UNSUPPORTED, "Field not supported by this server: " + jsonName);
    }
}
