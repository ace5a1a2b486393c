package dev.roster.http;

import com.linecorp.armeria.common.metric.MeterIdPrefixFunction;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.stream.DoubleStream;

/**
 * The shape of Armeria's per-request meters at {@code /metrics}: latency as a Prometheus histogram, which
 * {@code histogram_quantile} can aggregate across servers, instead of Armeria's default of nine client-side
 * percentiles per timer and size summary. Those kept three rotating histograms for each of five meters, all updated
 * on the event loop for every request, and their quantiles cannot be combined across replicas anyway. Without them,
 * request metrics went from 7.1 % to 3.6 % of the event loops' CPU samples under lifecycle load (bench/README.md).
 */
final class HttpMetrics implements MeterFilter {
    private static final String PREFIX = "roster.http";
    /** The end-to-end time of a request, the one operators alert on; the others keep count, sum and max. */
    private static final String LATENCY = PREFIX + ".total.duration";

    /** The Prometheus clients' default buckets (5 ms to 10 s), and 1 and 2.5 ms below them: a read here takes ~1 ms. */
    private static final double[] LATENCY_BUCKETS_NANOS = DoubleStream.of(1, 2.5, 5, 10, 25, 50, 100, 250, 500,
                    1_000, 2_500, 5_000, 10_000)
            .map(ms -> ms * 1_000_000)
            .toArray();

    private static final DistributionStatisticConfig NO_PERCENTILES =
            DistributionStatisticConfig.builder().percentiles().build();
    private static final DistributionStatisticConfig LATENCY_HISTOGRAM =
            DistributionStatisticConfig.builder().percentiles().serviceLevelObjectives(LATENCY_BUCKETS_NANOS).build();

    static MeterIdPrefixFunction prefix() {
        return MeterIdPrefixFunction.ofDefault(PREFIX);
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().startsWith(PREFIX + ".")) {
            return config;
        }
        return (id.getName().equals(LATENCY) ? LATENCY_HISTOGRAM : NO_PERCENTILES).merge(config);
    }
}
