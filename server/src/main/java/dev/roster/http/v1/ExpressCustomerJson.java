package dev.roster.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.roster.domain.ExpressCustomer;
import dev.roster.http.Wire;
import java.util.Map;

/**
 * The Express customer exactly as Avara's SDKs read it: required keys always present, {@code createdAt} and
 * {@code updatedAt} present even if null, optional keys omitted when there is no value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExpressCustomerJson(
        String expressCustomerId,
        String expressCustomerName,
        boolean isActive,
        long userCount,
        @JsonInclude(JsonInclude.Include.ALWAYS) String createdAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) String updatedAt,
        String createdByApiKeyId,
        String createdByUserId,
        Map<String, String> metadata) {

    public static ExpressCustomerJson of(ExpressCustomer c) {
        return new ExpressCustomerJson(c.id(), c.name(), c.active(), c.userCount(),
                Wire.timestamp(c.createdAt()), Wire.timestamp(c.updatedAt()),
                c.createdByApiKeyId(), c.createdByUserId(),
                c.metadata().isEmpty() ? null : c.metadata().values());
    }
}
