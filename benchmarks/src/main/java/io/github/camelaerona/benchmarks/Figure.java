package io.github.camelaerona.benchmarks;

/** One measured figure against its target. */
record Figure(String target, String measured, String goal, boolean met, String detail) {
}
