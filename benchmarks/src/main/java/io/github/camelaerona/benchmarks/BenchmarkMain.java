package io.github.camelaerona.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the measurements of the contract's targets against the sandbox on loopback and prints a table of the
 * figures against the targets: {@code mvn -B -q -pl benchmarks exec:exec} (after {@code mvn -B -q -DskipTests install}).
 * Arguments pick a subset: budget, restart, logins, overhead, waiting, webhook, cluster, priority, tenants, day.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true"); // the charts are drawn on machines without a display
        List<String> wanted = args.length == 0
                ? List.of("budget", "restart", "logins", "overhead", "waiting", "webhook", "cluster", "priority", "tenants", "day") : Arrays.asList(args);
        List<Figure> figures = new ArrayList<>();
        for (String name : wanted) {
            System.err.println("Running " + name + " ...");
            try {
                figures.add(run(name));
            } catch (NotMeasured e) {
                figures.add(new Figure(name, "not measured: " + e.getMessage(), "-", false, "not measured: " + e.getMessage()));
            }
        }
        print(figures);
    }

    private static Figure run(String name) throws Exception {
        return switch (name) {
                case "budget" -> new BudgetBenchmark().run();
                case "restart" -> new BudgetBenchmark().restart();
                case "logins" -> new LoginBenchmark().run();
                case "overhead" -> overhead();
                case "waiting" -> new WaitingBenchmark().run();
                case "webhook" -> new WebhookBenchmark().run();
                case "cluster" -> new ClusterBenchmark().run();
                case "priority" -> new PriorityBenchmark().run();
                case "tenants" -> new TenantsBenchmark().run();
                case "day" -> new DayBenchmark().run();
                default -> throw new IllegalArgumentException("Unknown benchmark " + name);
        };
    }

    private static void print(List<Figure> figures) {
        System.out.println();
        System.out.println("| target | measured | goal | met |");
        System.out.println("|---|---|---|---|");
        for (Figure f : figures) {
            String met = f.measured().startsWith("not measured") ? "not measured" : f.met() ? "yes" : "NO";
            System.out.println("| " + f.target() + " | " + f.measured() + " | " + f.goal() + " | " + met + " |");
        }
        System.out.println();
        for (Figure f : figures) {
            System.out.println("* " + f.target() + ": " + f.detail());
        }
        System.out.println("* machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    private static Figure overhead() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(OverheadBenchmark.class.getName())
                .shouldFailOnError(true)
                .build()).run();
        double producer = Double.NaN;
        double inRoute = Double.NaN;
        double bare = Double.NaN;
        for (RunResult r : results) {
            double median = r.getPrimaryResult().getStatistics().getPercentile(50.0);
            String name = r.getParams().getBenchmark();
            if (name.endsWith(".producer")) {
                producer = median;
            } else if (name.endsWith(".producerInRoute")) {
                inRoute = median;
            } else {
                bare = median;
            }
        }
        double ratio = producer / bare;
        return new Figure("Overhead (JMH, median of getPayment, limiter off)",
                String.format("%.2fx (producer %.1f us, bare HttpClient 5 + Jackson %.1f us)", ratio, producer, bare),
                "<= 1.2x", ratio <= 1.2, String.format("through a direct: route %.1f us (%.2fx); JMH SampleTime, 1 fork,"
                        + " 3x3 s warm-up, 5x3 s measurement, 1 thread", inRoute, inRoute / bare));
    }
}
