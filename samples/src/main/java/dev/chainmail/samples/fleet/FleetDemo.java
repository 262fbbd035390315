package dev.chainmail.samples.fleet;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two worker processes on one PostgreSQL server, the embedded one that this demo starts: the first starts the
 * durable report run and is killed in its middle; the second takes the run over once the first's lease expires,
 * replays the recorded steps, executes the rest, and prints which were which.
 */
public final class FleetDemo {

  private FleetDemo() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Runs the demo, printing to {@code out}. */
  static void run(PrintStream out) throws Exception {
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
      String url = server.getJdbcUrl("postgres", "postgres");
      out.println("PostgreSQL is up; worker 1 starts the report run.");
      Process first = worker(url, "start");
      BufferedReader firstOut = reader(first);
      for (String line = firstOut.readLine(); line != null; line = firstOut.readLine()) {
        out.println("  worker 1: " + line);
        if (line.startsWith("(hangs")) {
          break;
        }
      }
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      out.println("Worker 1 was killed (SIGKILL) in the middle of the run; worker 2 starts.");
      Process second = worker(url, "recover");
      BufferedReader secondOut = reader(second);
      for (String line = secondOut.readLine(); line != null; line = secondOut.readLine()) {
        out.println("  worker 2: " + line);
      }
      if (!second.waitFor(60, TimeUnit.SECONDS) || second.exitValue() != 0) {
        throw new IllegalStateException("worker 2 did not finish the run");
      }
      out.println("Worker 2 finished the run that worker 1 left.");
    }
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private static Process worker(String url, String mode) throws IOException, URISyntaxException {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath(), FleetWorker.class.getName(), url, mode);
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  /** This program's class path: the class loader's, under {@code mvn exec:java}, else the JVM's. */
  private static String classPath() throws URISyntaxException {
    ClassLoader loader = FleetDemo.class.getClassLoader();
    if (loader instanceof URLClassLoader) {
      List<String> entries = new ArrayList<>();
      for (URL url : ((URLClassLoader) loader).getURLs()) {
        entries.add(Path.of(url.toURI()).toString());
      }
      if (!entries.isEmpty()) {
        return String.join(File.pathSeparator, entries);
      }
    }
    return System.getProperty("java.class.path");
  }
}
