package io.github.camelaerona.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts a benchmark run draws of what it measured, as PNG files in docs/images (run from the benchmarks
 * module) or where {@code -Daerona.charts.dir} says.
 */
final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;

    private Charts() {
    }

    static Path dir() throws IOException {
        String configured = System.getProperty("aerona.charts.dir");
        Path dir = configured != null ? Path.of(configured)
                : Files.isDirectory(Path.of("../docs")) ? Path.of("../docs/images") : Path.of("target/charts");
        return Files.createDirectories(dir);
    }

    /** A vertical line at a moment of the run, such as a step of the database's clock. */
    record Event(double atSeconds, String label) {
    }

    /**
     * Requests the server saw in the window of one period ending at each moment (sampled every tenth of a period),
     * against the limit: the line must never cross it.
     */
    static Path requestsInWindow(String file, String title, List<Instant> seen, int limit, Duration period,
            List<Event> events) throws IOException {
        List<Instant> times = seen.stream().sorted().toList();
        XYSeries inWindow = new XYSeries("requests in the last " + period.toSeconds() + " s");
        if (!times.isEmpty()) {
            Instant first = times.get(0);
            long step = period.toMillis() / 10;
            long span = Duration.between(first, times.get(times.size() - 1)).toMillis();
            int from = 0;
            int to = 0;
            for (long at = 0; at <= span; at += step) {
                Instant end = first.plusMillis(at);
                Instant start = end.minus(period);
                while (to < times.size() && !times.get(to).isAfter(end)) {
                    to++;
                }
                while (from < to && !times.get(from).isAfter(start)) {
                    from++;
                }
                inWindow.add(at / 1000.0, to - from);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "seconds since the first request",
                "requests in one window", new XYSeriesCollection(inWindow));
        XYPlot plot = chart.getXYPlot();
        plot.getRangeAxis().setRange(0, limit * 1.25);
        plot.getRenderer().setSeriesPaint(0, SERIES[0]);
        plot.getRenderer().setSeriesStroke(0, new BasicStroke(2f));
        plot.addRangeMarker(marker(limit, "limit " + limit + " per " + period.toSeconds() + " s", Color.RED));
        for (Event event : events) {
            ValueMarker line = new ValueMarker(event.atSeconds(), Color.DARK_GRAY, new BasicStroke(1f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] { 4f, 4f }, 0f));
            line.setLabel(event.label());
            line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(line);
        }
        return write(file, chart);
    }

    private static final Color[] SERIES = { new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0x9467bd) };

    /**
     * Each series' waits in milliseconds, call by call, against the goal, on a logarithmic scale: waits of a few
     * milliseconds and of a minute belong in one picture. A wait under 1 ms is drawn at 1 ms.
     */
    static Path waits(String file, String title, Map<String, List<Double>> waitsMillis, double goalMillis, String goal)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        waitsMillis.forEach((label, waits) -> {
            XYSeries series = new XYSeries(label);
            for (int i = 0; i < waits.size(); i++) {
                series.add(i + 1, Math.max(1.0, waits.get(i)));
            }
            data.addSeries(series);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, "interactive call, in order", "milliseconds", data);
        XYPlot plot = chart.getXYPlot();
        LogAxis milliseconds = new LogAxis("milliseconds (log scale)");
        milliseconds.setBase(10);
        milliseconds.setSmallestValue(1);
        milliseconds.setTickUnit(new NumberTickUnit(1)); // one tick per power of ten
        milliseconds.setNumberFormatOverride(new DecimalFormat("#,##0"));
        plot.setRangeAxis(milliseconds);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            plot.getRenderer().setSeriesPaint(i, SERIES[i % SERIES.length]);
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.addRangeMarker(marker(goalMillis, goal, Color.RED));
        return write(file, chart);
    }

    private static ValueMarker marker(double value, String label, Color color) {
        ValueMarker marker = new ValueMarker(value, color, new BasicStroke(1.5f));
        marker.setLabel(label);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return marker;
    }

    private static Path write(String file, JFreeChart chart) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
        Path out = dir().resolve(file);
        ChartUtils.saveChartAsPNG(out.toFile(), chart, WIDTH, HEIGHT);
        System.err.println("Drew " + out);
        return out;
    }
}
