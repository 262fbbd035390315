package dev.chainmail.behaviour;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A replica whose every method runs its script; {@link #healthy} answers the heartbeat. Not thread-safe. */
final class ScriptedAnswerer implements Answerer, Mixed, AutoCloseable {

  final String name;
  final Script script = new Script();
  final List<String> calls = new ArrayList<>();
  volatile boolean healthy = true;
  int pings;
  boolean closed;

  ScriptedAnswerer(String name) {
    this.name = name;
  }

  private String serve(String method, String question) {
    calls.add(method + " " + question);
    script.step();
    return name + ": " + question;
  }

  @Override
  public String answer(String question) {
    return serve("answer", question);
  }

  @Override
  public String spread(String question) {
    return serve("spread", question);
  }

  @Override
  public String weighted(String question) {
    return serve("weighted", question);
  }

  @Override
  public String balanced(String question) {
    return serve("balanced", question);
  }

  @Override
  public String random(String question) {
    return serve("random", question);
  }

  @Override
  public String classified(String question) throws IOException {
    return serve("classified", question);
  }

  @Override
  public String guarded(String question) {
    return serve("guarded", question);
  }

  @Override
  public void record(String line) {
    serve("record", line);
  }

  @Override
  public boolean ping() {
    pings++;
    return healthy;
  }


  @Override
  public String ask(String question) {
    return serve("ask", question);
  }

  @Override
  public String primaryOnly(String question) {
    return serve("primaryOnly", question);
  }

  @Override
  public String broken(String question) {
    return serve("broken", question);
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return name;
  }
}
