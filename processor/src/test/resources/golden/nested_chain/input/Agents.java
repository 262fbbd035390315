package com.example;

import dev.chainmail.Retry;

public class Agents {
  public static class Planner {
    @Retry
    public String plan(String goal) {
      return goal;
    }
  }

  interface Critic {
    @Retry(maxAttempts = 2)
    boolean accept(String plan);
  }
}
