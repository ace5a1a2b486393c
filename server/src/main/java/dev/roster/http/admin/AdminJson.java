package dev.roster.http.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.roster.domain.ApiKey;
import dev.roster.domain.Organization;
import dev.roster.http.Wire;
import java.util.List;

/** Wire shapes of the instance-administration endpoints. */
public final class AdminJson {
    private AdminJson() {
    }

    public record OrganizationJson(String organizationId, String name, String createdAt) {
        public static OrganizationJson of(Organization o) {
            return new OrganizationJson(o.id(), o.name(), Wire.timestamp(o.createdAt()));
        }
    }

    /** {@code key} is present only in the answer to create: the secret is never shown again. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiKeyJson(String apiKeyId, String organizationId, String name, String key, String createdAt,
                      String revokedAt) {
        public static ApiKeyJson of(ApiKey k, String secret) {
            return new ApiKeyJson(k.id(), k.organizationId(), k.name(), secret, Wire.timestamp(k.createdAt()),
                    Wire.timestamp(k.revokedAt()));
        }
    }

    record ApiKeyListJson(List<ApiKeyJson> apiKeys, boolean hasMore) {
    }
}
