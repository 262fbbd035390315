package dev.chainmail.samples.fleet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fleet demo: a worker killed mid-run, and another that finishes the run without repeating its steps. */
class FleetDemoTest {

  @Test
  void theSecondWorkerFinishesTheRunTheFirstLeft() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FleetDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(output.contains("worker 1: executing draft"), output);
    assertTrue(output.contains("worker 2: took over report-fleet"), output);
    assertTrue(output.contains("worker 2: search: replayed from the store"), output);
    assertTrue(output.contains("worker 2: draft: replayed from the store"), output);
    assertTrue(output.contains("worker 2: review: executed here"), output);
    assertTrue(output.contains("Worker 2 finished the run that worker 1 left."), output);
  }
}
