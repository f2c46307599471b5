package mx.cte.channel.api;

/**
 * What installing an artifact from a channel did.
 *
 * @param channel   the subscription
 * @param path      the artifact
 * @param installed true when it is installed and accepted
 * @param bundleId  its bundle, or -1
 * @param message   what happened, in Spanish: the edition installed, or why nothing was
 */
public record InstallOutcome(String channel, String path, boolean installed, long bundleId, String message) {
}
