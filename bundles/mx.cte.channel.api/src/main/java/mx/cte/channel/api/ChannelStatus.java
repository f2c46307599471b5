package mx.cte.channel.api;

import java.time.Instant;

/**
 * One subscription and what its last check found.
 *
 * @param name         the subscription's name ({@code sep} for {@code etc/mx.cte.channel-sep.cfg})
 * @param url          where its index is read
 * @param publisher    whose key must sign its index ({@code SEP} or an entidad code)
 * @param automatic    whether new compatible artifacts are installed without an administrator
 * @param checkedAt    when it was last checked, or null
 * @param indexVersion the version of the last index trusted, or 0
 * @param expires      when that index expires, or null
 * @param problem      why the last check failed (in Spanish), or empty
 */
public record ChannelStatus(String name, String url, String publisher, boolean automatic, Instant checkedAt,
        long indexVersion, Instant expires, String problem) {
}
