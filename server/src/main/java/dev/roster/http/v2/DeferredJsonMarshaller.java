package dev.roster.http.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.grpc.GrpcJsonMarshaller;
import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.http.Utf8Text;
import dev.roster.http.Wire;
import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.ServiceDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Armeria's JSON marshaller for a gRPC service, built off the start-up path. Building it generates bytecode for
 * every message of the service (~0.5 s of CPU for the two services, and work no class-data cache can keep), while
 * the first JSON call comes later, if ever: it is built on a thread of its own once the server listens ({@link
 * #startBuilding}), so that it does not take a core from start-up on a small machine, or by the first call that
 * needs it, which waits for the build. gRPC over protobuf never needs it.
 */
final class DeferredJsonMarshaller implements GrpcJsonMarshaller {
    private final ServiceDescriptor service;
    private final CompletableFuture<GrpcJsonMarshaller> built = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();

    private DeferredJsonMarshaller(ServiceDescriptor service) {
        this.service = service;
    }

    /** Armeria's default marshaller for {@code service}, not built yet. */
    static DeferredJsonMarshaller of(ServiceDescriptor service) {
        return new DeferredJsonMarshaller(service);
    }

    /** Starts the build on a thread of its own, once; later calls do nothing. */
    void startBuilding() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("roster-json-marshaller-" + service.getName()).start(() -> {
            try {
                built.complete(GrpcJsonMarshaller.of(service));
            } catch (Throwable e) {
                built.completeExceptionally(e);
            }
        });
    }

    @Override
    public <T> void serializeMessage(Marshaller<T> marshaller, T message, OutputStream out) throws IOException {
        delegate().serializeMessage(marshaller, message, out);
    }

    /**
     * A request that does not parse (a malformed duration or number, a value of the wrong type) is INVALID_ARGUMENT
     * naming its field; the parser's own failures are of several unrelated types, some of which became UNKNOWN.
     */
    @Override
    public <T> T deserializeMessage(Marshaller<T> marshaller, InputStream in) throws IOException {
        GrpcJsonMarshaller json = delegate();
        byte[] body = in.readAllBytes();
        Utf8Text.requireUnicodeJson(body);
        try {
            return json.deserializeMessage(marshaller, new ByteArrayInputStream(body));
        } catch (IOException | RuntimeException e) {
            throw refusal(json, marshaller, body); // GrpcFailures turns it into the call's status
        }
    }

    private static <T> DomainError refusal(GrpcJsonMarshaller json, Marshaller<T> marshaller, byte[] body) {
        JsonNode tree;
        try {
            tree = Wire.MAPPER.readTree(body);
        } catch (IOException e) {
            return new DomainError(Code.INVALID_ARGUMENT, ErrorIds.MALFORMED_JSON, "Request body is not valid JSON");
        }
        String field = tree instanceof ObjectNode request ? new JsonFieldLocator(fragment -> {
            try {
                json.deserializeMessage(marshaller, new ByteArrayInputStream(Wire.bytes(fragment)));
                return true;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }).locate(request) : null;
        return DomainError.invalidField(field == null ? "body" : field,
                "value does not parse as its type");
    }

    private GrpcJsonMarshaller delegate() {
        startBuilding();
        try {
            return built.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("building the JSON marshaller failed", e.getCause());
        }
    }
}
