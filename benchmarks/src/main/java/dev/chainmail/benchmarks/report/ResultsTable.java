package dev.chainmail.benchmarks.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a JMH JSON result file ({@code -rf json}) as Markdown tables. The first covers the scenarios with a direct
 * call: scenario, implementation, time per operation with its error, bytes allocated per operation ({@code -prof
 * gc}), overhead over the direct call, and that overhead as a multiple of Chainmail's. The second covers the
 * scenarios measured against a floor of their own rather than a direct call, the durable-run ones: each score in its
 * own unit, with its bytes per operation.
 *
 * <p>Benchmark names follow one convention: the class {@code <Scenario>Benchmark} is a scenario and each method an
 * implementation, so {@code RetryOneFailureBenchmark.resilience4jDecorated} reads as scenario
 * {@code retry-one-failure}, implementation {@code resilience4j-decorated}. Every scenario has a {@code direct}
 * method, the floor, and a {@code chainmail} method, but the scenarios of the second table; a benchmark's
 * {@code @Param} values are part of its scenario, as {@code checkpoint-hit [store=sqlite]}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.chainmail.benchmarks.report.ResultsTable results.json}
 */
public final class ResultsTable {

  /** Overheads below this many nanoseconds are not told apart from zero. */
  static final double RESOLUTION_NS = 0.1;

  /**
   * Overheads below this fraction of the direct call's time are not told apart from zero either: run-to-run
   * variation of microsecond-long operations (those that throw) is of this order even when JMH's error is small.
   */
  static final double RELATIVE_RESOLUTION = 0.02;

  private static final List<String> SCENARIO_ORDER = List.of(
      "retry-success", "retry-one-failure", "retry-fallback", "retry-contention", "megamorphic",
      "breaker-success", "breaker-contention", "stack-success", "bulkhead-success", "bulkhead-contention",
      "timeout-success", "rate-limit-success", "all-guards-success", "replicated-failover",
      "replicated-round-robin", "replicated-round-robin-contention", "replicated-least-loaded",
      "replicated-least-loaded-contention", "replicated-random", "replicated-weighted", "checkpoint-hit", "checkpoint-write",
      "checkpoint-codec");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultsTable() {}

  /**
   * @param args the path of a JMH JSON result file
   * @throws IOException if the file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ResultsTable <jmh-result.json>");
      System.exit(2);
    }
    String json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    System.out.print(render(json));
  }

  /**
   * Renders a JMH JSON result as a heading line and a Markdown table.
   *
   * @param json the content of a JMH {@code -rf json} file
   * @return the report
   * @throws IllegalArgumentException if {@code json} is not well-formed JSON or not an array
   */
  public static String render(String json) {
    JsonNode runs = parse(json);
    if (!runs.isArray()) {
      throw new IllegalArgumentException("a JMH result file holds an array, not " + runs.getNodeType());
    }
    if (runs.isEmpty()) {
      return "No benchmark results.\n";
    }
    List<Result> results = new ArrayList<>();
    for (JsonNode run : runs) {
      results.add(Result.of(run));
    }
    results.sort(Comparator.comparingInt(ResultsTable::order));
    Map<String, List<Result>> byScenario = new LinkedHashMap<>();
    for (Result result : results) {
      byScenario.computeIfAbsent(result.scenarioLabel(), s -> new ArrayList<>()).add(result);
    }

    MarkdownTable overDirect = new MarkdownTable(2, "scenario", "implementation", "ns/op ± error", "B/op",
        "overhead over direct (ns)", "overhead ratio vs Chainmail");
    MarkdownTable ownFloor = new MarkdownTable(2, "scenario", "implementation", "score ± error", "unit", "B/op");
    for (List<Result> scenario : byScenario.values()) {
      if (find(scenario, "direct") != null) {
        addScenario(overDirect, scenario);
      } else {
        addOwnFloorScenario(ownFloor, scenario);
      }
    }
    StringBuilder report = new StringBuilder(heading(runs.get(0))).append('\n');
    if (!overDirect.isEmpty()) {
      report.append('\n').append(overDirect.render());
    }
    if (!ownFloor.isEmpty()) {
      report.append("\nScenarios measured against a floor of their own (durable runs):\n\n").append(ownFloor.render());
    }
    return report.toString();
  }

  /** The place of a result's scenario in {@link #SCENARIO_ORDER}; scenarios not listed come last, as found. */
  private static int order(Result result) {
    int index = SCENARIO_ORDER.indexOf(result.scenario);
    return index < 0 ? SCENARIO_ORDER.size() : index;
  }

  private static void addOwnFloorScenario(MarkdownTable table, List<Result> scenario) {
    scenario.sort(Comparator.comparingInt(Result::rank));
    for (Result result : scenario) {
      table.row(result.scenarioLabel(), result.implementation, withError(result.score, result.error), result.unit,
          bytes(result.bytesPerOp));
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void addScenario(MarkdownTable table, List<Result> scenario) {
    if (scenario.isEmpty()) {
      return;
    }
    Result direct = find(scenario, "direct");
    Result chainmail = find(scenario, "chainmail");
    scenario.sort(Comparator.comparingInt(Result::rank).thenComparingDouble(r -> r.score));
    for (Result result : scenario) {
      String overhead = "—";
      String ratio = "—";
      if (direct != null && result != direct) {
        overhead = withError(result.score - direct.score, combined(result.error, direct.error));
        ratio = ratio(result, chainmail, direct);
      }
      table.row(result.scenarioLabel(), result.implementation, withError(result.score, result.error),
          bytes(result.bytesPerOp), overhead, ratio);
    }
  }

  private static String ratio(Result result, Result chainmail, Result direct) {
    if (chainmail == null) {
      return "n/a (no chainmail)";
    }
    if (result == chainmail) {
      return "1×";
    }
    double own = result.score - direct.score;
    double chainmailOverhead = chainmail.score - direct.score;
    double noise = Math.max(Math.max(RESOLUTION_NS, RELATIVE_RESOLUTION * direct.score),
        nanToZero(combined(chainmail.error, direct.error)));
    if (chainmailOverhead > noise) {
      return own <= noise ? "≈ 0× (≈ direct)" : format(own / chainmailOverhead) + "×";
    }
    // Chainmail's overhead cannot be told from zero: divide by the smallest overhead the run could have seen,
    // which gives a lower bound.
    if (own <= noise) {
      return "n/a (both ≈ direct)";
    }
    return "≥ " + format(own / noise) + "×";
  }

  private static String heading(JsonNode run) {
    return String.format(Locale.ROOT, "JMH %s on %s %s; %s fork(s), warm-up %s × %s, measurement %s × %s; "
            + "average time per operation (megamorphic: per call, 8 calls per operation).",
        run.path("jmhVersion").asText(), run.path("vmName").asText(), run.path("jdkVersion").asText(),
        run.path("forks").asText(), run.path("warmupIterations").asText(), run.path("warmupTime").asText(),
        run.path("measurementIterations").asText(), run.path("measurementTime").asText());
  }

  private static Result find(List<Result> results, String implementation) {
    for (Result result : results) {
      if (result.implementation.equals(implementation)) {
        return result;
      }
    }
    return null;
  }

  static String withError(double value, double error) {
    return format(value) + " ± " + (Double.isNaN(error) ? "n/a" : format(error));
  }

  static String format(double value) {
    double magnitude = Math.abs(value);
    String pattern = magnitude >= 1000 ? "%.0f" : magnitude >= 100 ? "%.1f" : magnitude >= 10 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, pattern, value);
  }

  static String bytes(double bytesPerOp) {
    if (Double.isNaN(bytesPerOp)) {
      return "n/a";
    }
    if (bytesPerOp < 0.01) {
      return "0";
    }
    return String.format(Locale.ROOT, bytesPerOp < 10 ? "%.2f" : "%.0f", bytesPerOp);
  }

  private static double combined(double a, double b) {
    return Math.sqrt(a * a + b * b);
  }

  private static double nanToZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  /** Reads a number; JMH writes a missing score error as the string {@code "NaN"}, which reads as NaN here. */
  private static double number(JsonNode node) {
    return node.isNumber() ? node.doubleValue() : Double.NaN;
  }

  /** One benchmark's numbers, named by the convention above. */
  private static final class Result {
    final String scenario;
    final String implementation;
    final int threads;
    final double score;
    final double error;
    final double bytesPerOp;
    final String unit;
    /** The benchmark's {@code @Param} values, as {@code store=sqlite}; empty without any. */
    final String params;

    private Result(String scenario, String implementation, int threads, double score, double error,
        double bytesPerOp, String unit, String params) {
      this.scenario = scenario;
      this.unit = unit;
      this.params = params;
      this.implementation = implementation;
      this.threads = threads;
      this.score = score;
      this.error = error;
      this.bytesPerOp = bytesPerOp;
    }

    static Result of(JsonNode run) {
      String benchmark = run.path("benchmark").asText();
      int dot = benchmark.lastIndexOf('.');
      String className = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
      String scenario = kebab(className.endsWith("Benchmark")
          ? className.substring(0, className.length() - "Benchmark".length()) : className);
      JsonNode primary = run.path("primaryMetric");
      // A path that is absent reads as a missing node, which is not a number: no -prof gc, no bytes per operation.
      double bytes = number(run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score"));
      int threads = run.path("threads").isNumber() ? run.path("threads").intValue() : 1;
      List<String> params = new ArrayList<>();
      run.path("params").fields().forEachRemaining(param -> params.add(param.getKey() + "=" + param.getValue().asText()));
      return new Result(scenario, kebab(benchmark.substring(dot + 1)), threads, number(primary.path("score")),
          number(primary.path("scoreError")), bytes, primary.path("scoreUnit").asText(), String.join(", ", params));
    }

    String scenarioLabel() {
      String label = params.isEmpty() ? scenario : scenario + " [" + params + "]";
      return threads > 1 ? label + " (" + threads + " threads)" : label;
    }

    int rank() {
      return implementation.equals("direct") ? 0 : implementation.equals("chainmail") ? 1 : 2;
    }
  }

  /** Turns {@code RetryOneFailure} or {@code resilience4jDecorated} into {@code retry-one-failure} and so on. */
  static String kebab(String camel) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('-');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
