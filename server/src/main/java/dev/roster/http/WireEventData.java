package dev.roster.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import dev.roster.app.EventData;
import dev.roster.domain.ApiKey;
import dev.roster.domain.ExpressCustomer;
import dev.roster.domain.Organization;
import dev.roster.domain.Session;
import dev.roster.domain.StudyView;
import dev.roster.domain.User;
import dev.roster.domain.WebhookEndpoint;
import dev.roster.http.admin.AdminJson;
import dev.roster.http.v1.ExpressCustomerJson;
import dev.roster.http.v1.StudyJson;
import dev.roster.http.v1.WebhookEndpointJson;
import dev.roster.http.v2.SessionMessages;
import dev.roster.http.v2.UserMessages;

/** Event data in the API's own shapes: v1 JSON for Express customers and studies, ZITADEL's JSON for users. */
public final class WireEventData implements EventData {
    public static final WireEventData INSTANCE = new WireEventData();

    /** As the v2 REST answers print messages: lowerCamelCase names, default values left out. */
    private static final JsonFormat.Printer PROTO = JsonFormat.printer().omittingInsignificantWhitespace();

    private WireEventData() {
    }

    @Override
    public String customer(ExpressCustomer c) {
        return json(ExpressCustomerJson.of(c));
    }

    @Override
    public String customerLink(ExpressCustomer c, String userId) {
        ObjectNode node = Wire.MAPPER.valueToTree(ExpressCustomerJson.of(c));
        node.put("userId", userId);
        return json(node);
    }

    @Override
    public String study(StudyView s) {
        return json(StudyJson.of(s));
    }

    @Override
    public String user(User u) {
        return proto(UserMessages.user(u));
    }

    @Override
    public String session(Session s) {
        return proto(SessionMessages.session(s));
    }

    @Override
    public String apiKey(ApiKey k) {
        return json(AdminJson.ApiKeyJson.of(k, null));
    }

    @Override
    public String organization(Organization o) {
        return json(AdminJson.OrganizationJson.of(o));
    }

    @Override
    public String webhookEndpoint(WebhookEndpoint e) {
        return json(WebhookEndpointJson.of(e));
    }

    private static String json(Object shape) {
        try {
            return Wire.MAPPER.writeValueAsString(shape);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + shape.getClass().getSimpleName(), e);
        }
    }

    private static String proto(MessageOrBuilder message) {
        try {
            return PROTO.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + message.getClass().getSimpleName(), e);
        }
    }
}
