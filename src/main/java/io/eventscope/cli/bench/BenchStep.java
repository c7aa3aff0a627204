package io.eventscope.cli.bench;

import java.util.List;

/** One benchmark: does its work on the shared context and returns what it measured. */
@FunctionalInterface
public interface BenchStep {
    List<Figure> run(BenchContext context) throws Exception;
}
