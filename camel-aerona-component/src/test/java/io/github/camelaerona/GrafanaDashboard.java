package io.github.camelaerona;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Grafana dashboard the docs ship ({@code docs/grafana/aerona-budget.json}), read as Grafana reads it: every
 * series a panel or variable queries, with the labels it selects or groups by, must be in a real scrape.
 */
final class GrafanaDashboard {

    static final Path FILE = Path.of("../docs/grafana/aerona-budget.json");

    private static final Pattern SERIES = Pattern.compile("\\b(aerona_[a-z_]+)\\s*(\\{([^}]*)})?");
    private static final Pattern SELECTED_LABEL = Pattern.compile("([A-Za-z_]+)\\s*=~?");
    private static final Pattern GROUPED_BY = Pattern.compile("\\bby\\s*\\(([^)]*)\\)");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(.*,\\s*([A-Za-z_]+)\\s*\\)");

    /** A series with the labels a query needs of it. */
    record Query(String series, Set<String> labels) {
    }

    private GrafanaDashboard() {
    }

    static List<Query> queries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(FILE.toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(variable -> {
            if (variable.path("query").has("query")) {
                expressions.add(variable.path("query").path("query").asText());
            }
        });
        List<Query> queries = new ArrayList<>();
        for (String expression : expressions) {
            Set<String> grouped = new LinkedHashSet<>();
            Matcher by = GROUPED_BY.matcher(expression);
            while (by.find()) {
                for (String label : by.group(1).split(",")) {
                    grouped.add(label.trim());
                }
            }
            Matcher values = LABEL_VALUES.matcher(expression);
            if (values.find()) {
                grouped.add(values.group(1));
            }
            Matcher series = SERIES.matcher(expression);
            while (series.find()) {
                Set<String> labels = new LinkedHashSet<>(grouped);
                if (series.group(3) != null) {
                    Matcher selected = SELECTED_LABEL.matcher(series.group(3));
                    while (selected.find()) {
                        labels.add(selected.group(1));
                    }
                }
                queries.add(new Query(series.group(1), labels));
            }
        }
        return queries;
    }

    /** Fails unless every query of the dashboard finds its series, with its labels, in the Prometheus scrape. */
    static void assertAnsweredBy(String scrape) throws IOException {
        List<Query> queries = queries();
        assertFalse(queries.isEmpty(), "the dashboard queries something");
        for (Query query : queries) {
            boolean found = scrape.lines().filter(line -> line.startsWith(query.series() + "{"))
                    .anyMatch(line -> query.labels().stream().allMatch(label -> line.contains(label + "=\"")));
            assertTrue(found, "the dashboard queries " + query + ", which the scrape does not have:\n" + scrape);
        }
    }
}
