package dev.chainmail.samples.research;

import java.io.IOException;

/** A language model: the unreliable service a research chain calls. */
public interface ChatModel {

  /**
   * Answers a prompt.
   *
   * @throws IOException if the service could not be reached or timed out
   */
  String chat(String prompt) throws IOException;
}
