package dev.roster.webhooks;

import dev.roster.app.WebhookDeliveries.Outcome;

/** Told of every delivery once it is recorded: the metrics' way in. */
public interface DeliveryListener {
    void recorded(Outcome outcome);
}
