package dev.pincer.inspection.ban;

import dev.pincer.config.BanConfig;
import dev.pincer.inspection.transaction.Participant;
import java.util.Objects;

/**
 * Makes the ban participant of one config generation. It should be the first participant of every
 * route, so a banned client is refused before any other work.
 *
 * <p>Example: {@code Bans.participant(banList, config.protection().bans())}; null when bans are off.
 */
public final class Bans {
    public static final String CONTROL = "ban";

    private Bans() {
    }

    /** The participant, or null when {@code config.enabled()} is false. */
    public static Participant participant(BanList list, BanConfig config) {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(config, "config");
        return config.enabled() ? new BanParticipant(list, config) : null;
    }
}
