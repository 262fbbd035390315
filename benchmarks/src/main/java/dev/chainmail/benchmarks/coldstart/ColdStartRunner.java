package dev.chainmail.benchmarks.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chainmail.benchmarks.report.MarkdownTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures cold start: the wall-clock time of a whole JVM process that makes one guarded call and exits, for each
 * implementation, and prints a Markdown table of median and minimum times.
 *
 * <p>Three modes:
 * <ul>
 *   <li>{@code ColdStartRunner list} prints one line per implementation, {@code name main-class}, for a script
 *       that times the programs with hyperfine.</li>
 *   <li>{@code ColdStartRunner table hyperfine.json} prints the table from hyperfine's {@code --export-json}
 *       file, whose command names are the implementation names.</li>
 *   <li>{@code ColdStartRunner run RUNS WARMUP JAR} times the programs itself: {@code WARMUP} untimed rounds,
 *       then {@code RUNS} timed rounds, each round starting every implementation once, in turn, so that drift in
 *       the machine's speed spreads evenly.</li>
 * </ul>
 */
public final class ColdStartRunner {

  /** The implementations, in table order, each with its program. */
  static final Map<String, Class<?>> PROGRAMS = programs();

  private ColdStartRunner() {}

  private static Map<String, Class<?>> programs() {
    Map<String, Class<?>> programs = new LinkedHashMap<>();
    programs.put("direct", DirectMain.class);
    programs.put("chainmail", ChainmailMain.class);
    programs.put("byte-buddy", ByteBuddyMain.class);
    programs.put("jdk-proxy", JdkProxyMain.class);
    programs.put("resilience4j", Resilience4jMain.class);
    programs.put("failsafe", FailsafeMain.class);
    programs.put("spring-retry", SpringRetryMain.class);
    programs.put("smallrye", SmallRyeMain.class);
    return programs;
  }

  /**
   * @param args {@code list}, {@code table FILE} or {@code run RUNS WARMUP JAR}
   * @throws Exception if a file cannot be read or a program cannot be started
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("list")) {
      PROGRAMS.forEach((name, program) -> System.out.println(name + " " + program.getName()));
    } else if (args.length == 2 && args[0].equals("table")) {
      System.out.print(fromHyperfine(new ObjectMapper().readTree(Path.of(args[1]).toFile())));
    } else if (args.length == 4 && args[0].equals("run")) {
      System.out.print(run(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3]));
    } else {
      System.err.println("usage: ColdStartRunner list | table HYPERFINE_JSON | run RUNS WARMUP JAR");
      System.exit(2);
    }
  }

  /**
   * Renders hyperfine's export as the cold-start table.
   *
   * @param export the document hyperfine's {@code --export-json} writes: {@code results}, one per command, each
   *     with its {@code command} and its {@code times} in seconds
   * @return the table, with its heading line
   */
  static String fromHyperfine(JsonNode export) {
    Map<String, double[]> times = new LinkedHashMap<>();
    for (JsonNode result : export.path("results")) {
      JsonNode seconds = result.path("times");
      double[] millis = new double[seconds.size()];
      for (int i = 0; i < millis.length; i++) {
        millis[i] = seconds.get(i).doubleValue() * 1000;
      }
      times.put(result.path("command").asText(), millis);
    }
    return table(times, "hyperfine");
  }

  static String run(int runs, int warmup, String jar) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Map<String, double[]> times = new LinkedHashMap<>();
    PROGRAMS.keySet().forEach(name -> times.put(name, new double[runs]));
    for (int round = -warmup; round < runs; round++) {
      for (Map.Entry<String, Class<?>> program : PROGRAMS.entrySet()) {
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", jar, program.getValue().getName())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        int status = builder.start().waitFor();
        long elapsed = System.nanoTime() - start;
        if (status != 0) {
          throw new IllegalStateException("cold start of " + program.getKey() + " exited with " + status);
        }
        if (round >= 0) {
          times.get(program.getKey())[round] = elapsed / 1e6;
        }
      }
    }
    return table(times, "a timing loop in Java (hyperfine not found)");
  }

  private static String table(Map<String, double[]> times, String how) {
    double directMedian = Double.NaN;
    MarkdownTable table = new MarkdownTable(1, "implementation", "runs", "median ms", "min ms", "mean ms",
        "median over direct (ms)");
    List<String> names = new ArrayList<>(times.keySet());
    if (times.containsKey("direct")) {
      directMedian = median(times.get("direct"));
    }
    for (String name : names) {
      double[] millis = times.get(name);
      double median = median(millis);
      table.row(name, String.valueOf(millis.length), ms(median), ms(Arrays.stream(millis).min().orElse(Double.NaN)),
          ms(Arrays.stream(millis).average().orElse(Double.NaN)),
          name.equals("direct") ? "—" : String.format(Locale.ROOT, "%+.1f", median - directMedian));
    }
    return "Cold start: one JVM process per run (java -cp benchmarks.jar <Main>), first guarded call, exit; timed "
        + "with " + how + ".\n\n" + table.render();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%.1f", millis);
  }
}
