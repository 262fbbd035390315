package com.example;

import dev.chainmail.Fallback;
import dev.chainmail.Retry;
import java.io.Serializable;

/** A serializable chain: the proxy's policies are transient and rebuilt after deserialization. */
public class Session implements Serializable {
  private static final long serialVersionUID = 1L;

  @Retry(maxAttempts = 2)
  @Fallback(method = "offline")
  public String resume(String id) {
    return id;
  }

  String offline(String id) {
    return "offline";
  }
}
