package dev.roster.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.roster.domain.LoggedEvent;
import dev.roster.http.Wire;

/** One event of the events API: what changed, who changed it and why, and the object as it was after the change. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventJson(String id, String type, String createdAt, ActorJson actor, String reason, ObjectJson object,
                        @JsonRawValue String data) {

    public static EventJson of(LoggedEvent e) {
        return new EventJson(e.id(), e.type(), Wire.timestamp(e.createdAt()),
                new ActorJson(e.actor().type().wire(), e.actor().id()), e.reason(),
                new ObjectJson(e.objectType(), e.objectId(), e.objectVersion()), e.data());
    }

    /** {@code api_key} with the key's id, {@code user} with the user's id, {@code cli} or {@code system}. */
    public record ActorJson(String type, String id) {
    }

    public record ObjectJson(String type, String id, long version) {
    }
}
