package dev.roster.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.domain.DomainError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Text a request carries must be Unicode: bytes that are not UTF-8 and lone UTF-16 surrogates (a JSON escape such
 * as {@code "\ud800"}) are refused instead of being stored as {@code U+FFFD} or {@code ?}.
 */
public final class Utf8Text {
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8Text() {
    }

    /**
     * Refuses a JSON body whose text is not UTF-8 or holds a lone surrogate, naming the field that holds it. Two cheap
     * scans of the bytes come first; the body is parsed again only when they find something.
     */
    public static void requireUnicodeJson(byte[] json) {
        boolean utf8 = isUtf8(json);
        if (utf8 && !mayEscapeSurrogate(json)) {
            return;
        }
        String field;
        try {
            // A lenient decoding turns what is not UTF-8 into U+FFFD, which then shows where it was.
            field = firstInvalid(Wire.MAPPER.readTree(utf8 ? json : new String(json, StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.UTF_8)), !utf8);
        } catch (IOException e) {
            field = null; // not JSON either: the parser that follows says so, unless the bytes are the first fault
        }
        if (field != null || !utf8) {
            throw DomainError.invalidField(field == null || field.isEmpty() ? "body" : field,
                    "text must be UTF-8 without lone surrogates");
        }
    }

    /** Whether {@code bytes} are well-formed UTF-8. */
    public static boolean isUtf8(byte[] bytes) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            strict.decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Whether {@code s} holds a high surrogate without its low one, or a low one alone. */
    public static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether JSON text may hold a surrogate escape ({@code \ud800} to {@code \udfff}): a cheap scan of the bytes,
     * so that only such requests are parsed again to be checked.
     */
    public static boolean mayEscapeSurrogate(byte[] json) {
        for (int i = 0; i + 3 < json.length; i++) {
            if (json[i] == '\\' && (json[i + 1] == 'u' || json[i + 1] == 'U') && (json[i + 2] == 'd' || json[i + 2] == 'D')) {
                int c = Character.toLowerCase(json[i + 3]);
                if (c >= '8' && c <= '9' || c >= 'a' && c <= 'f') {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The path of the first name or string in {@code tree} with a lone surrogate, or (when {@code replaced}) with
     * U+FFFD, which is what a lenient decoder made of bytes that were not UTF-8; null if there is none.
     */
    public static String firstInvalid(JsonNode tree, boolean replaced) {
        return find(tree, "", replaced);
    }

    private static String find(JsonNode node, String path, boolean replaced) {
        if (node.isTextual()) {
            return bad(node.textValue(), replaced) ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), path + "[" + i + "]", replaced);
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (bad(field.getKey(), replaced)) {
                    return name;
                }
                String found = find(field.getValue(), name, replaced);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean bad(String s, boolean replaced) {
        return hasLoneSurrogate(s) || replaced && s.indexOf(REPLACEMENT) >= 0;
    }

    /**
     * A header value as the client meant it: HTTP/1.1 and HTTP/2 carry header bytes, which arrive here one char per
     * byte, so UTF-8 text comes as one char per byte of its encoding. Null when the bytes are not UTF-8.
     */
    public static String headerValue(String raw) {
        byte[] bytes = new byte[raw.length()];
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > 0xFF) {
                return hasLoneSurrogate(raw) ? null : raw; // already decoded by the transport
            }
            bytes[i] = (byte) c;
        }
        if (!isUtf8(bytes)) {
            return null;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
