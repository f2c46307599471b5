import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples went, for docs/performance.md's profiles: samples per thread, and the classes
 * and packages present in the most samples (each sample counted once per class or package however deep it recurs).
 * A window restricts it to part of the recording, e.g. a start up to its first 200.
 *
 *   java karaf-assembly/cte-benchmarks/jfr-frames.java RECORDING.jfr [FROM_SECONDS] [TO_SECONDS] [TOP]
 *
 * The seconds count from the recording's first event; TOP (default 25) rows per table.
 */
public final class JfrFrames {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java jfr-frames.java RECORDING.jfr [FROM_SECONDS] [TO_SECONDS] [TOP]");
            System.exit(2);
        }
        double from = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        double to = args.length > 2 ? Double.parseDouble(args[2]) : Double.MAX_VALUE;
        int top = args.length > 3 ? Integer.parseInt(args[3]) : 25;
        List<RecordedEvent> samples = new ArrayList<>();
        Instant first = null;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (first == null || event.getStartTime().isBefore(first)) {
                first = event.getStartTime();
            }
            if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
                samples.add(event);
            }
        }
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> byClass = new HashMap<>();
        Map<String, Integer> byPackage = new HashMap<>();
        Map<String, Integer> byTopFrame = new HashMap<>();
        int counted = 0;
        for (RecordedEvent sample : samples) {
            double at = Duration.between(first, sample.getStartTime()).toNanos() / 1e9;
            if (at < from || at > to) {
                continue;
            }
            counted++;
            RecordedThread thread = sample.getThread("sampledThread");
            byThread.merge(thread == null ? "?" : threadGroupName(thread.getJavaName()), 1, Integer::sum);
            RecordedStackTrace stack = sample.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            Set<String> classes = new HashSet<>();
            Set<String> packages = new HashSet<>();
            for (RecordedFrame frame : stack.getFrames()) {
                String type = frame.getMethod().getType().getName();
                classes.add(type);
                packages.add(packageOf(type));
            }
            classes.forEach(c -> byClass.merge(c, 1, Integer::sum));
            packages.forEach(p -> byPackage.merge(p, 1, Integer::sum));
            RecordedFrame leaf = stack.getFrames().get(0);
            byTopFrame.merge(leaf.getMethod().getType().getName() + "." + leaf.getMethod().getName(), 1,
                    Integer::sum);
        }
        System.out.printf("%d CPU samples between %.1f s and %s of the recording%n", counted, from,
                to == Double.MAX_VALUE ? "its end" : String.format("%.1f s", to));
        print("by thread", byThread, counted, top);
        print("by package (samples containing it)", byPackage, counted, top);
        print("by class (samples containing it)", byClass, counted, top);
        print("by top frame (self)", byTopFrame, counted, top);
    }

    /** Pool threads (qtp123-45, pool-3-thread-7) are counted as their pool. */
    private static String threadGroupName(String name) {
        return name == null ? "?" : name.replaceAll("-?\\d+$", "").replaceAll("\\d+", "#");
    }

    /** A package to its first four segments, enough to tell a library or one of our bundles. */
    private static String packageOf(String type) {
        String[] parts = type.split("\\.");
        int keep = Math.min(parts.length - 1, 4);
        return keep <= 0 ? "(default)" : String.join(".", List.of(parts).subList(0, keep));
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f %%  %6d  %s%n", 100.0 * e.getValue() / Math.max(1, total),
                        e.getValue(), e.getKey()));
    }
}
