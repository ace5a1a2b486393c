package dev.roster.http.v2;

import com.linecorp.armeria.common.grpc.GrpcJsonMarshaller;
import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.ServiceDescriptor;
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

    @Override
    public <T> T deserializeMessage(Marshaller<T> marshaller, InputStream in) throws IOException {
        return delegate().deserializeMessage(marshaller, in);
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
