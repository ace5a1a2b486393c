package dev.roster.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum whose constants travel as exact, case-sensitive strings on the wire. */
public interface WireName {
    String wire();

    /** The constant of {@code type} written {@code value}; anything else is a 400 naming the field and the choices. */
    static <E extends Enum<E> & WireName> E parse(Class<E> type, String field, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(value)) {
                return constant;
            }
        }
        throw DomainError.invalidField(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(WireName::wire).collect(Collectors.joining(", ")));
    }
}
