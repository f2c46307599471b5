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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.cte.channel.api.ChannelArtifact;
import mx.cte.channel.api.ChannelStatus;
import mx.cte.cluster.api.Cluster;
import mx.cte.cluster.api.SharedEntry;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.trust.api.PublisherTrust;
import mx.cte.trust.api.TrustVerdict;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
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

    /** Bundles installed from a channel, by location; none at first. */
    private final Map<String, Bundle> installed = new HashMap<>();

    private final org.osgi.framework.BundleContext context = (org.osgi.framework.BundleContext) Proxy
            .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {org.osgi.framework.BundleContext.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("getBundle") && args != null && args[0] instanceof String) {
                            return installed.get(args[0]);
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });

    /** A bundle at {@code location}, installed until its {@code uninstall()}, which removes it as the framework does. */
    private Bundle install(String location, long id) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getLocation" -> location;
                    case "getBundleId" -> id;
                    case "getState" -> installed.get(location) == proxy ? Bundle.ACTIVE : Bundle.UNINSTALLED;
                    case "uninstall" -> {
                        installed.remove(location);
                        yield null;
                    }
                    case "hashCode" -> (int) id;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        installed.put(location, bundle);
        return bundle;
    }

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

    /** A cluster of which this is node b, with the entries given and the changes this node makes recorded. */
    private static Cluster cluster(List<SharedEntry> entries,
            List<String> changes) {
        return cluster(entries, changes, Map.of());
    }

    private static Cluster cluster(List<SharedEntry> entries,
            List<String> changes, Map<String, byte[]> files) {
        return (Cluster) Proxy.newProxyInstance(ChannelChecksTest.class.getClassLoader(),
                new Class<?>[] {Cluster.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "nodeName" -> "b";
                    case "clustered" -> true;
                    case "entries" -> entries;
                    case "put" -> changes.add("put " + args[1] + " = " + args[2]);
                    case "remove" -> changes.add("remove " + args[1]);
                    case "content" -> Optional.ofNullable(files.get(args[0] + " " + args[1]));
                    case "runAlone" -> {
                        ((Runnable) args[1]).run();
                        yield true;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static SharedEntry entry(String value, boolean removed) {
        return new SharedEntry(ChannelUpdatesImpl.SHARED_KIND, "sep artefactos/g-1.0.0.jar", value,
                removed, 7, NOW, "a");
    }

    @Test
    public void anInstallationScheduledOnOneNodeIsKeptByEveryNodeAndEndedForAllWhenItFails() throws Exception {
        setUp();
        publish(3, "2026-12-15T10:00:00Z", "firma-SEP");
        check();
        List<String> changes = new ArrayList<>();
        List<SharedEntry> entries = new ArrayList<>();
        updates.setCluster(cluster(entries, changes));

        updates.schedule("sep", "artefactos/g-1.0.0.jar", Instant.parse("2026-12-05T08:00:00Z"));
        assertEquals("the schedule is shared, so another node installs at the date if this one is down",
                List.of("put sep artefactos/g-1.0.0.jar = programada 2026-12-05T08:00:00Z"), changes);

        // Scheduled on node a (for a date already due here): this node keeps it as its own.
        entries.add(entry("programada 2026-12-03T09:00:00Z", false));
        updates.reconcile(entries);
        assertEquals(Instant.parse("2026-12-03T09:00:00Z"), updates.available().get(0).scheduledAt());

        // Due: this node tries (the artifact cannot be downloaded) and ends the schedule for every node. A kit that
        // only node a has is left to node a.
        entries.add(new SharedEntry(ChannelUpdatesImpl.SHARED_KIND, "kit-zona artefactos/z.jar",
                "programada 2026-12-03T09:00:00Z", false, 8, NOW, "a"));
        updates.reconcile(entries);
        changes.clear();
        updates.installDue();
        assertEquals(List.of("remove sep artefactos/g-1.0.0.jar"), changes);
        assertEquals(null, updates.available().get(0).scheduledAt());
    }

    @Test
    public void aScheduledInstallationCarriedOutOrEndedElsewhereIsForgottenHere() throws Exception {
        setUp();
        publish(3, "2026-12-15T10:00:00Z", "firma-SEP");
        check();
        List<String> changes = new ArrayList<>();
        List<SharedEntry> entries = new ArrayList<>(List.of(entry(
                "programada 2026-12-03T09:00:00Z", false)));
        updates.setCluster(cluster(entries, changes));
        updates.reconcile(entries);
        assertEquals(Instant.parse("2026-12-03T09:00:00Z"), updates.available().get(0).scheduledAt());

        // Another node took the job first and ended it: when this node's turn comes, nothing is left to do.
        entries.set(0, entry(null, true));
        updates.installDue();
        assertEquals("no second attempt, no change to the shared state", List.of(), changes);

        entries.set(0, entry("programada 2026-12-04T09:00:00Z", false));
        updates.reconcile(entries);
        entries.set(0, entry(null, true));
        updates.reconcile(entries);
        assertEquals("an ended schedule is no longer shown", null, updates.available().get(0).scheduledAt());
    }

    @Test
    public void aKitImportedOnAnotherNodeIsReadFromTheSharedFilesAndVerifiedHereAsAnyKit() throws Exception {
        setUp();
        publish(3, "2026-12-15T10:00:00Z", "firma-SEP");
        Map<String, byte[]> files = new HashMap<>();
        files.put("canal-kit kit-sep/channel.json", Files.readAllBytes(channel.resolve("channel.json")));
        files.put("canal-kit kit-sep/channel.json.asc", "firma-SEP".getBytes(StandardCharsets.US_ASCII));
        SharedEntry installedOnA = new SharedEntry(
                ChannelUpdatesImpl.SHARED_KIND, "kit-sep artefactos/g-1.0.0.jar", "1.0.0", false, 9, NOW, "a");
        updates.setCluster(cluster(List.of(installedOnA), new ArrayList<>(), files));

        updates.reconcile(List.of(installedOnA));
        ChannelStatus kit = updates.channels().stream().filter(c -> c.name().equals("kit-sep")).findFirst()
                .orElseThrow();
        assertEquals(kit.problem(), "", kit.problem());
        assertEquals("the index node a shared, trusted by this node's own check", 3, kit.indexVersion());
    }

    @Test
    public void aKitIndexChangedInTheSharedStateIsNotTrustedHere() throws Exception {
        setUp();
        publish(3, "2026-12-15T10:00:00Z", "firma-SEP");
        Map<String, byte[]> files = new HashMap<>();
        files.put("canal-kit kit-sep/channel.json", Files.readAllBytes(channel.resolve("channel.json")));
        files.put("canal-kit kit-sep/channel.json.asc", "firma-15".getBytes(StandardCharsets.US_ASCII));
        SharedEntry installedOnA = new SharedEntry(
                ChannelUpdatesImpl.SHARED_KIND, "kit-sep artefactos/g-1.0.0.jar", "1.0.0", false, 9, NOW, "a");
        updates.setCluster(cluster(List.of(installedOnA), new ArrayList<>(), files));
        updates.reconcile(List.of(installedOnA));
        ChannelStatus forged = updates.channels().stream().filter(c -> c.name().equals("kit-sep")).findFirst()
                .orElseThrow();
        assertTrue(forged.problem(), forged.problem().contains("no está firmado por SEP"));
        assertEquals(0, forged.indexVersion());
    }
    @Test
    public void aGuideUninstalledByHandLeavesTheSharedStateSoNoNodeInstallsItAgain() throws Exception {
        setUp();
        publish(3, "2026-12-15T10:00:00Z", "firma-SEP");
        check();
        List<String> changes = new ArrayList<>();
        List<SharedEntry> entries = new ArrayList<>(List.of(entry("1.0.0", false)));
        updates.setCluster(cluster(entries, changes));
        Bundle guide = install("cte-channel:sep/artefactos/g-1.0.0.jar", 41);

        // Uninstalled from the shell, then a late event of it after the channel installed it again: that one stays.
        installed.remove("cte-channel:sep/artefactos/g-1.0.0.jar");
        install("cte-channel:sep/artefactos/g-1.0.0.jar", 42);
        updates.bundleChanged(new BundleEvent(BundleEvent.UNINSTALLED, guide));
        assertEquals(List.of(), changes);

        Bundle again = installed.get("cte-channel:sep/artefactos/g-1.0.0.jar");
        again.uninstall();
        updates.bundleChanged(new BundleEvent(BundleEvent.UNINSTALLED, again));
        assertEquals("without this, the next change of any channel installed it again",
                List.of("remove sep artefactos/g-1.0.0.jar"), changes);
        assertEquals(ChannelArtifact.Status.NEW, updates.available().get(0).status());

        // Something that is not the channel's own is not its business.
        changes.clear();
        Bundle other = install("file:/deploy/g.jar", 43);
        other.uninstall();
        updates.bundleChanged(new BundleEvent(BundleEvent.UNINSTALLED, other));
        assertEquals(List.of(), changes);
    }

    @Test
    public void whatAnotherNodeUninstalledIsUninstalledHereAndThatIsNotTakenForAnUninstallByHand() throws Exception {
        setUp();
        publish(3, "2026-12-15T10:00:00Z", "firma-SEP");
        check();
        List<String> changes = new ArrayList<>();
        List<SharedEntry> entries = new ArrayList<>(List.of(entry(null, true)));
        updates.setCluster(cluster(entries, changes));
        Bundle guide = install("cte-channel:sep/artefactos/g-1.0.0.jar", 41);

        updates.reconcile(entries);
        assertEquals(null, installed.get("cte-channel:sep/artefactos/g-1.0.0.jar"));
        // Node a installs it again before this node's event of its own uninstall arrives: that is not a removal.
        entries.set(0, entry("1.0.0", false));
        updates.bundleChanged(new BundleEvent(BundleEvent.UNINSTALLED, guide));
        assertEquals("the channel's own uninstall is no one else's", List.of(), changes);
    }

    @Test
    public void anInstalledArtifactIsNotScheduledAgain() throws Exception {
        setUp();
        publish(3, "2026-12-15T10:00:00Z", "firma-SEP");
        check();
        install("cte-channel:sep/artefactos/g-1.0.0.jar", 41);
        IllegalArgumentException refused = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                () -> updates.schedule("sep", "artefactos/g-1.0.0.jar", Instant.parse("2026-12-05T08:00:00Z")));
        assertTrue(refused.getMessage(), refused.getMessage().contains("ya está instalada"));
    }
}
