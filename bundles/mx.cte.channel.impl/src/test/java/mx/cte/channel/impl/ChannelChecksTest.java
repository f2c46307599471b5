package mx.cte.channel.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mx.cte.channel.api.ChannelStatus;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.trust.api.PublisherTrust;
import mx.cte.trust.api.TrustVerdict;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Version;

/** What a channel's index must be for the installation to trust it: signed, current, not an older one replayed. */
public class ChannelChecksTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    /** Trusts what is signed "firma-SEP" for SEP, refuses anything else. */
    private final PublisherTrust trust = (PublisherTrust) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {PublisherTrust.class}, (proxy, method, args) -> switch (method.getName()) {
                case "verify" -> args[1] != null && new String((byte[]) args[1], StandardCharsets.US_ASCII)
                        .equals("firma-" + args[2]) ? new TrustVerdict(true, "F", "SEP", "SEP", "firmado")
                                : TrustVerdict.refused("no está firmado por " + args[2]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final GuideRegistry registry = (GuideRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {GuideRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                case "editions", "refused" -> List.of();
                default -> throw new UnsupportedOperationException(method.getName());
            });

    /** A framework where nothing from a channel is installed yet. */
    private final org.osgi.framework.BundleContext context = (org.osgi.framework.BundleContext) Proxy
            .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {org.osgi.framework.BundleContext.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("getBundle") && args != null && args[0] instanceof String) {
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });

    private Path channel;
    private ChannelUpdatesImpl updates;
    private ChannelSubscription subscription;

    private void publish(long version, String expires, String signature) throws Exception {
        Files.writeString(channel.resolve("channel.json"), ChannelIndexTest.index(version, expires,
                ChannelIndexTest.artifact("artefactos/g-1.0.0.jar")));
        if (signature == null) {
            Files.deleteIfExists(channel.resolve("channel.json.asc"));
        } else {
            Files.writeString(channel.resolve("channel.json.asc"), signature);
        }
    }

    private ChannelStatus check() {
        updates.check(subscription);
        return updates.channels().get(0);
    }

    private void setUp() throws Exception {
        channel = folder.newFolder("canal").toPath();
        updates = new ChannelUpdatesImpl(context, trust, registry, Clock.fixed(NOW, ZoneOffset.UTC),
                folder.newFolder("data").toPath(), new Version(0, 1, 0));
        subscription = new ChannelSubscription("sep", channel.toUri().toString(), "SEP", false,
                ChannelSource.of(channel.toUri().toString()));
        updates.addSubscription(subscription);
    }

    @Test
    public void aSignedCurrentIndexIsTrustedAndAnOlderOneReplayedAfterItIsRefused() throws Exception {
        setUp();
        publish(5, "2026-12-15T10:00:00Z", "firma-SEP");
        ChannelStatus first = check();
        assertEquals(first.problem(), "", first.problem());
        assertEquals(5, first.indexVersion());
        assertEquals(1, updates.available().size());

        publish(4, "2026-12-15T10:00:00Z", "firma-SEP");
        ChannelStatus replayed = check();
        assertTrue(replayed.problem(), replayed.problem().contains("versión 4, anterior a la 5"));
        assertEquals("the trusted index is kept", 5, replayed.indexVersion());
    }

    @Test
    public void anUnsignedOrExpiredIndexOffersNothing() throws Exception {
        setUp();
        publish(1, "2026-12-15T10:00:00Z", null);
        assertTrue(check().problem().contains("no está firmado"));
        assertEquals(List.of(), updates.available());

        publish(2, "2026-12-02T10:00:00Z", "firma-SEP");
        ChannelStatus frozen = check();
        assertTrue(frozen.problem(), frozen.problem().contains("venció el 2026-12-02T10:00:00Z"));
        assertEquals(List.of(), updates.available());

        publish(3, "2026-12-15T10:00:00Z", "firma-15");
        assertTrue(check().problem().contains("no está firmado por SEP"));
    }

    @Test
    public void anOfflineKitIsImportedAsItsChannelAndSomethingElseIsSaidToBeNoKit() throws Exception {
        setUp();
        publish(3, "2026-12-15T10:00:00Z", "firma-SEP");
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            for (String name : List.of("channel.json", "channel.json.asc")) {
                out.putNextEntry(new java.util.zip.ZipEntry(name));
                out.write(Files.readAllBytes(channel.resolve(name)));
                out.closeEntry();
            }
        }
        ChannelStatus kit = updates.importKit("kit-sep.zip", new java.io.ByteArrayInputStream(zip.toByteArray()));
        assertEquals("kit-sep", kit.name());
        assertEquals(kit.problem(), "", kit.problem());
        assertEquals(3, kit.indexVersion());
        assertTrue(updates.available().stream().anyMatch(a -> a.channel().equals("kit-sep")));

        IllegalArgumentException notAKit = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                () -> updates.importKit("fotos.zip", new java.io.ByteArrayInputStream("no".getBytes(
                        StandardCharsets.UTF_8))));
        assertTrue(notAKit.getMessage(), notAKit.getMessage().contains("fotos.zip"));
    }
}
