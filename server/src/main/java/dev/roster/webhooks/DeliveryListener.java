package dev.roster.webhooks;

import dev.roster.app.WebhookDeliveries.Outcome;
import java.time.Duration;

/** Told of every delivery once it is recorded, and of every pause made for the write path: the metrics' way in. */
public interface DeliveryListener {
    void recorded(Outcome outcome);

    /** A worker paused delivery for {@code pause} because the write path was saturated (see {@link Yielding}). */
    void yielded(Duration pause);
}
