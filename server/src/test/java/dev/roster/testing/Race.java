package dev.roster.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** Sends requests at the same moment, each on a thread of its own, and hands back every answer in order. */
public final class Race {
    private Race() {
    }

    public static List<Reply> run(List<Supplier<Reply>> requests) {
        CyclicBarrier start = new CyclicBarrier(requests.size());
        List<CompletableFuture<Reply>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Supplier<Reply> request : requests) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException("the race did not start", e);
                    }
                    return request.get();
                }, threads));
            }
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }
}
