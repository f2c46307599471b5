package mx.cte.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the platforms the tests start, chosen below the range the system hands out for port 0. A port taken from
 * that range and given back could be handed out again before the platform binds it, and Karaf takes one of them for
 * its shutdown socket at every start: a UiBrowserIT run found its HTTP port already held by that socket.
 */
final class Ports {

    private static final int LOWEST = 10_000;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A port nothing listens on now and that this JVM has not handed out before. */
    static int free() {
        int below = firstEphemeralPort();
        for (int attempt = 0; below - LOWEST > 1_000 && attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!GIVEN.contains(port) && bindable(port) && GIVEN.add(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            GIVEN.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Linux's lower bound of the ephemeral ports; 32768 (its default) where it cannot be read. */
    private static int firstEphemeralPort() {
        try {
            return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim()
                    .split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
