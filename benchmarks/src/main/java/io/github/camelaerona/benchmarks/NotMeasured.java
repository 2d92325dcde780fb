package io.github.camelaerona.benchmarks;

/** A benchmark that cannot run on this machine; the table says so in its row and the other rows still print. */
final class NotMeasured extends RuntimeException {

    NotMeasured(String reason) {
        super(reason);
    }
}
