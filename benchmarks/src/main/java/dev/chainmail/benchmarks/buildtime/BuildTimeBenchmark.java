package dev.chainmail.benchmarks.buildtime;

import dev.chainmail.benchmarks.report.MarkdownTable;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Measures what the Chainmail processor adds to a build: it writes a project of chain classes, each with four
 * guarded methods (plain {@code @Retry}, {@code @Retry} with a back-off and {@code retryOn}, and two
 * {@code @Retry} + {@code @Fallback}), then times {@code javac} on it with the processor and with
 * {@code -proc:none}, alternating, in fresh processes, and prints a Markdown table.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.chainmail.benchmarks.buildtime.BuildTimeBenchmark PROCESSOR_PATH_DIR
 * CLASSES RUNS}, where the directory holds the processor's jar and everything it needs (the build copies them to
 * {@code benchmarks/target/processor-path}). One untimed warm-up compilation of each kind comes first.
 */
public final class BuildTimeBenchmark {

  private static final String PROCESSOR = "dev.chainmail.processor.ChainmailProcessor";
  private static final int CLASSES_PER_PACKAGE = 50;

  private BuildTimeBenchmark() {}

  /**
   * @param args the processor path directory, the number of chain classes, and the number of timed runs
   * @throws Exception if the project cannot be written or javac fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: BuildTimeBenchmark PROCESSOR_PATH_DIR CLASSES RUNS");
      System.exit(2);
    }
    Path processorPath = Path.of(args[0]);
    int classes = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    Path project = Files.createTempDirectory("chainmail-build-time");
    try {
      System.out.print(measure(processorPath, classes, runs, project));
    } finally {
      delete(project);
    }
  }

  static String measure(Path processorPath, int classes, int runs, Path project)
      throws IOException, InterruptedException {
    List<Path> sources = writeProject(project.resolve("src"), classes);
    Path argFile = project.resolve("sources.txt");
    Files.write(argFile, sources.stream().map(Path::toString).collect(Collectors.toList()), StandardCharsets.UTF_8);
    String classPath = jar(processorPath, "chainmail-annotations") + File.pathSeparator
        + jar(processorPath, "chainmail-runtime");
    String processorJars;
    try (Stream<Path> jars = Files.list(processorPath)) {
      processorJars = jars.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toString)
          .collect(Collectors.joining(File.pathSeparator));
    }
    List<String> with = List.of("-processorpath", processorJars, "-processor", PROCESSOR);
    List<String> without = List.of("-proc:none");

    double[] withTimes = new double[runs];
    double[] withoutTimes = new double[runs];
    for (int run = -1; run < runs; run++) {
      double withoutMs = compile(project, classPath, argFile, without, 0);
      double withMs = compile(project, classPath, argFile, with, classes);
      if (run >= 0) {
        withoutTimes[run] = withoutMs;
        withTimes[run] = withMs;
      }
    }
    double withMedian = median(withTimes);
    double withoutMedian = median(withoutTimes);
    MarkdownTable table = new MarkdownTable(1, "javac", "runs", "median ms", "min ms", "ratio (median)");
    table.row("-proc:none", String.valueOf(runs), ms(withoutMedian), ms(min(withoutTimes)), "1.00×");
    table.row("with the Chainmail processor", String.valueOf(runs), ms(withMedian), ms(min(withTimes)),
        String.format(Locale.ROOT, "%.2f×", withMedian / withoutMedian));
    return String.format(Locale.ROOT, "Build time: javac --release 17 on %d chain classes with 4 guarded methods "
            + "each (%d proxies generated and compiled with the processor), one javac process per run, "
            + "alternating; the processor adds %.2f ms per chain class (median).%n%n",
        classes, classes, (withMedian - withoutMedian) / classes)
        + table.render();
  }

  private static double compile(Path project, String classPath, Path argFile, List<String> processing,
      int expectedProxies) throws IOException, InterruptedException {
    Path out = project.resolve("out");
    delete(out);
    Files.createDirectories(out);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
        "--release", "17", "-encoding", "UTF-8", "-nowarn", "-implicit:none", "-cp", classPath,
        "-d", out.toString(), "-s", project.resolve("generated").toString()));
    Files.createDirectories(project.resolve("generated"));
    command.addAll(processing);
    command.add("@" + argFile);
    Path log = project.resolve("javac.log");
    long start = System.nanoTime();
    int status = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start()
        .waitFor();
    double elapsedMs = (System.nanoTime() - start) / 1e6;
    if (status != 0) {
      throw new IllegalStateException("javac failed (" + status + "): " + String.join(" ", command) + "\n"
          + Files.readString(log, StandardCharsets.UTF_8));
    }
    long proxies;
    try (Stream<Path> files = Files.walk(out)) {
      proxies = files.filter(p -> p.getFileName().toString().matches("Resilient[^$]*\\.class")).count();
    }
    if (proxies != expectedProxies) {
      throw new IllegalStateException("expected " + expectedProxies + " generated proxies, found " + proxies
          + ": " + String.join(" ", processing));
    }
    return elapsedMs;
  }

  static List<Path> writeProject(Path root, int classes) throws IOException {
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < classes; i++) {
      String pkg = "gen.p" + (i / CLASSES_PER_PACKAGE);
      Path dir = root.resolve(pkg.replace('.', File.separatorChar));
      Files.createDirectories(dir);
      Path file = dir.resolve("Chain" + i + ".java");
      Files.writeString(file, chainSource(pkg, i), StandardCharsets.UTF_8);
      sources.add(file);
    }
    return sources;
  }

  static String chainSource(String pkg, int i) {
    return "package " + pkg + ";\n"
        + "\n"
        + "import dev.chainmail.Fallback;\n"
        + "import dev.chainmail.Retry;\n"
        + "import java.io.IOException;\n"
        + "\n"
        + "public class Chain" + i + " {\n"
        + "  private final String name;\n"
        + "\n"
        + "  public Chain" + i + "(String name) {\n"
        + "    this.name = name;\n"
        + "  }\n"
        + "\n"
        + "  @Retry(maxAttempts = 3)\n"
        + "  public int count(int x) {\n"
        + "    return x + " + i + ";\n"
        + "  }\n"
        + "\n"
        + "  @Retry(maxAttempts = 4, delay = \"10ms\", multiplier = 2.0, retryOn = IOException.class)\n"
        + "  public String fetch(String query) throws IOException {\n"
        + "    if (query.isEmpty()) {\n"
        + "      throw new IOException(\"empty query\");\n"
        + "    }\n"
        + "    return name + query;\n"
        + "  }\n"
        + "\n"
        + "  @Retry(maxAttempts = 3)\n"
        + "  @Fallback(method = \"cached\")\n"
        + "  public String answer(String question) {\n"
        + "    return question.trim() + name;\n"
        + "  }\n"
        + "\n"
        + "  String cached(String question, Throwable cause) {\n"
        + "    return \"cached \" + question;\n"
        + "  }\n"
        + "\n"
        + "  @Retry(maxAttempts = 5, delay = \"1ms\")\n"
        + "  @Fallback(method = \"zero\")\n"
        + "  public long multiply(long a, long b) throws IOException {\n"
        + "    if (a < 0) {\n"
        + "      throw new IOException(\"negative\");\n"
        + "    }\n"
        + "    return a * b + " + i + ";\n"
        + "  }\n"
        + "\n"
        + "  long zero(long a, long b) {\n"
        + "    return 0L;\n"
        + "  }\n"
        + "}\n";
  }

  private static String jar(Path directory, String artifact) {
    Path jar = directory.resolve(artifact + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build the benchmarks module first");
    }
    return jar.toString();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%.0f", millis);
  }

  private static void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(file);
      }
    }
  }
}
