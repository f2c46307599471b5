package mx.cte.content.guard.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mx.cte.content.guard.ContentBundles;
import mx.cte.core.api.text.LogText;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Never lets a bundle that could run code disguised as content resolve, so its activator, components or classes can
 * never run, whichever way it came in (the publishing API, {@code deploy/}, {@code bundle:install}): a content bundle
 * (one that names a guide or pack descriptor, or was uploaded) that carries anything but content, and any jar on disk
 * whose central directory disagrees with its local headers. A plain activator, started early (start level 30, before
 * {@code deploy/} is scanned at 80), because Declarative Services may come later than the first bundle it must judge.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class ContentGuard implements BundleActivator, ResolverHookFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ContentGuard.class);

    /** Verdict per bundle, kept while its content is the same (lastModified changes on every update). */
    private final Map<Long, Verdict> verdicts = new ConcurrentHashMap<>();

    private record Verdict(long lastModified, List<String> problems) {
    }

    @Override
    public void start(BundleContext context) {
        context.registerService(ResolverHookFactory.class, this, null);
    }

    @Override
    public void stop(BundleContext context) {
        verdicts.clear();
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                for (Iterator<BundleRevision> it = candidates.iterator(); it.hasNext();) {
                    if (!problemsOf(it.next().getBundle()).isEmpty()) {
                        it.remove();
                    }
                }
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton,
                    Collection<BundleCapability> collisionCandidates) {
                // not a concern of this hook
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                // not a concern of this hook
            }

            @Override
            public void end() {
                // nothing held between calls
            }
        };
    }

    /** Why the bundle may not resolve; empty when it may. */
    List<String> problemsOf(Bundle bundle) {
        if (bundle == null || bundle.getBundleId() == 0) {
            return List.of();
        }
        Verdict known = verdicts.get(bundle.getBundleId());
        if (known != null && known.lastModified() == bundle.getLastModified()) {
            return known.problems();
        }
        List<String> problems = judge(bundle);
        verdicts.put(bundle.getBundleId(), new Verdict(bundle.getLastModified(), problems));
        if (!problems.isEmpty()) {
            LOG.warn("Bundle {} ({} {}, {}) will not be resolved, so none of its code can run: {}",
                    bundle.getBundleId(), LogText.of(bundle.getSymbolicName()), bundle.getVersion(),
                    LogText.of(bundle.getLocation()), LogText.of(String.join("; ", problems)));
        }
        return problems;
    }

    private static List<String> judge(Bundle bundle) {
        Path jar = jarOnDisk(bundle.getLocation());
        if (jar != null) {
            List<String> problems = ContentBundles.archiveProblems(jar);
            if (!problems.isEmpty()) {
                return problems;
            }
        }
        if (ContentBundles.isContentBundle(header -> bundle.getHeaders("").get(header), bundle.getLocation())) {
            return ContentBundles.problems(bundle);
        }
        return List.of();
    }

    /** The jar a {@code file:} location names ({@code deploy/}, {@code bundle:install file:…}), if it is one. */
    private static Path jarOnDisk(String location) {
        if (location == null || !location.startsWith("file:")) {
            return null;
        }
        try {
            Path path = Path.of(URI.create(location));
            return Files.isRegularFile(path) ? path : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
