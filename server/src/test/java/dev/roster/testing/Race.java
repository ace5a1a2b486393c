package dev.roster.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** Runs tasks at the same moment, each on a thread of its own, and hands back every outcome in order. */
public final class Race {
    private Race() {
    }

    /** Sends the requests together; every answer, in the requests' order. */
    public static List<Reply> run(List<Supplier<Reply>> requests) {
        return together(requests).stream().map(CompletableFuture::join).toList();
    }

    /**
     * Starts every task once all of them are ready to, and returns when all have ended; a task's failure stays in
     * its future, so the caller sees each outcome.
     */
    public static <T> List<CompletableFuture<T>> together(List<? extends Supplier<T>> tasks) {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        List<CompletableFuture<T>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Supplier<T> task : tasks) {
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException("the race did not start", e);
                    }
                    return task.get();
                }, threads));
            }
        }
        return outcomes;
    }
}
