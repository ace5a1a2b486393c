package dev.roster.http.console;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The result of an asynchronous use case on a blocking console thread, its failure rethrown as it was raised. */
final class Await {
    private Await() {
    }

    static <T> T of(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
