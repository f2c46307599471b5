/**
 * Publication channels: {@link mx.cte.channel.api.ChannelUpdates} checks the signed index of each subscribed channel
 * and installs what it offers, verified like everything else.
 */
@Export
@Version("1.1.0")
package mx.cte.channel.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
