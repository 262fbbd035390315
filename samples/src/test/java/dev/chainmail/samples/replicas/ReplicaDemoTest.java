package dev.chainmail.samples.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.runtime.ReplicaHealth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The replica demo serves every call despite a dead and a flaky provider, and tells what happened. */
class ReplicaDemoTest {

  @Test
  void servesEveryCallReportsTheEjectionAndTheReadmissionThenHedgesAndVotes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResilientAnswerer answerer = ReplicaDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(output.contains("! anthropic ejected"), output);
    assertTrue(output.contains("+ anthropic re-admitted by ping"), output);
    assertEquals(12, output.lines().filter(line -> line.contains(": served by ")).count(), output);
    assertFalse(output.contains("served by anthropic\n  call 2"), output);
    assertTrue(output.contains("> no draft from openai after 300 ms: hedge sent to anthropic"), output);
    assertTrue(output.contains("=> draft by anthropic, after 400 ms instead of 2000"), output);
    // Two of three solutions end with 42; which of the two arrives first, on the replica threads, varies.
    assertTrue(output.contains("=> Six times seven is 42.") || output.contains("=> The product is 42"), output);
    for (ReplicaHealth health : answerer.replicaHealth()) {
      assertEquals(0, health.inFlight());
    }
  }
}
