package mx.cte.channel.api;

import java.time.Instant;

/**
 * An artifact a channel's index offers.
 *
 * @param channel     the subscription
 * @param path        its path in the channel, which names it
 * @param kind        {@code guia}, {@code capa} or {@code paquete}
 * @param key         the guide's key (or the pack's), as the index says
 * @param edition     its edition
 * @param publisher   who must have signed it
 * @param title       its title, for people
 * @param platform    the platform versions it is compatible with (an OSGi range)
 * @param status      what this installation has of it
 * @param scheduledAt when its installation is scheduled, or null
 */
public record ChannelArtifact(String channel, String path, String kind, String key, String edition, String publisher,
        String title, String platform, Status status, Instant scheduledAt) {

    /** What this installation has of an artifact. */
    public enum Status {
        /** Not installed, compatible, newer than what is installed. */
        NEW("nueva"),
        /** This very edition is installed. */
        INSTALLED("instalada"),
        /** Older than the newest installed edition: installing it would be a rollback. */
        OLDER("anterior"),
        /** Not for this platform's version. */
        INCOMPATIBLE("incompatible");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
