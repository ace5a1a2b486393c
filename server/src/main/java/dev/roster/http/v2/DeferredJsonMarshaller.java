package dev.roster.http.v2;

import com.linecorp.armeria.common.grpc.GrpcJsonMarshaller;
import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.ServiceDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Armeria's JSON marshaller for a gRPC service, built off the start-up path. Building it generates bytecode for
 * every message of the service (a third of the server's start-up when done inline, and work no class-data cache
 * can keep), while the first JSON call comes later, if ever; that call waits for the build if it is still running.
 * gRPC over protobuf never needs it.
 */
final class DeferredJsonMarshaller implements GrpcJsonMarshaller {
    private final CompletableFuture<GrpcJsonMarshaller> built;

    private DeferredJsonMarshaller(CompletableFuture<GrpcJsonMarshaller> built) {
        this.built = built;
    }

    /** Starts building Armeria's default marshaller for {@code service} on a thread of its own. */
    static GrpcJsonMarshaller of(ServiceDescriptor service) {
        CompletableFuture<GrpcJsonMarshaller> built = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("roster-json-marshaller-" + service.getName()).start(() -> {
            try {
                built.complete(GrpcJsonMarshaller.of(service));
            } catch (Throwable e) {
                built.completeExceptionally(e);
            }
        });
        return new DeferredJsonMarshaller(built);
    }

    @Override
    public <T> void serializeMessage(Marshaller<T> marshaller, T message, OutputStream out) throws IOException {
        delegate().serializeMessage(marshaller, message, out);
    }

    @Override
    public <T> T deserializeMessage(Marshaller<T> marshaller, InputStream in) throws IOException {
        return delegate().deserializeMessage(marshaller, in);
    }

    private GrpcJsonMarshaller delegate() {
        try {
            return built.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("building the JSON marshaller failed", e.getCause());
        }
    }
}
