package mx.cte.channel.api;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The installation's side of the publication channels: the subscriptions of {@code etc/mx.cte.channel-*.cfg}, each
 * checked on a schedule and on demand. A channel's index is trusted only when its publisher signed it, it has not
 * expired and its version is not lower than the last one seen; an artifact is installed only when its bytes match the
 * index and its own signature is its publisher's.
 */
@ProviderType
public interface ChannelUpdates {

    /** The largest offline kit imported (an upload's limit and the import's own). */
    long MAX_KIT_BYTES = 500L * 1024 * 1024;

    /** Every subscription with what its last check found. */
    List<ChannelStatus> channels();

    /** Checks every channel now. */
    List<ChannelStatus> checkAll();

    /** What the channels offer, with what this installation has of each. */
    List<ChannelArtifact> available();

    /**
     * Downloads to staging, verifies and installs one artifact.
     *
     * @throws IllegalArgumentException naming the channel or artifact when neither is known
     */
    InstallOutcome install(String channel, String path);

    /** Installs every artifact marked {@link ChannelArtifact.Status#NEW}. */
    List<InstallOutcome> installAll();

    /**
     * Installs the artifact at {@code at} (for example the night before the session); kept across restarts.
     *
     * @throws IllegalArgumentException when the artifact is unknown or {@code at} is past
     */
    void schedule(String channel, String path, Instant at);

    /**
     * Imports an offline kit (one zip: the channel's index, its signature, the artifacts and theirs), for schools and
     * regions without network: kept under the installation's data, subscribed to as the channel {@code kit-NAME}
     * (NAME from its index) and checked at once, exactly like a channel. Importing a newer kit of the same channel
     * replaces the older one.
     *
     * @return the kit's channel, checked
     * @throws IllegalArgumentException when the file is no kit (said in Spanish)
     */
    ChannelStatus importKit(String fileName, java.io.InputStream kit);
}
