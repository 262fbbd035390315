package dev.chainmail.runtime;

/**
 * Several listeners heard as one, in order; built by {@link ChainmailListener#of}. Loops over an array, so passing
 * an event on allocates nothing. Thread-safe if the listeners are.
 */
final class CompositeListener implements ChainmailListener {

  private final ChainmailListener[] listeners;

  CompositeListener(ChainmailListener[] listeners) {
    this.listeners = listeners;
  }

  @Override
  public void onRetry(String method, int attempt, Throwable failure, long pauseNanos) {
    for (ChainmailListener listener : listeners) {
      listener.onRetry(method, attempt, failure, pauseNanos);
    }
  }

  @Override
  public void onRetriesExhausted(String method, int attempts, Throwable failure) {
    for (ChainmailListener listener : listeners) {
      listener.onRetriesExhausted(method, attempts, failure);
    }
  }

  @Override
  public void onFallback(String method, Throwable failure) {
    for (ChainmailListener listener : listeners) {
      listener.onFallback(method, failure);
    }
  }

  @Override
  public void onStateChange(String breaker, CircuitBreakerPolicy.State from, CircuitBreakerPolicy.State to) {
    for (ChainmailListener listener : listeners) {
      listener.onStateChange(breaker, from, to);
    }
  }

  @Override
  public void onReplicaEjected(String method, int replica, Throwable failure) {
    for (ChainmailListener listener : listeners) {
      listener.onReplicaEjected(method, replica, failure);
    }
  }

  @Override
  public void onReplicaReadmitted(String method, int replica) {
    for (ChainmailListener listener : listeners) {
      listener.onReplicaReadmitted(method, replica);
    }
  }

  @Override
  public void onHedgeSent(String method, int replica, int waitingOn) {
    for (ChainmailListener listener : listeners) {
      listener.onHedgeSent(method, replica, waitingOn);
    }
  }

  @Override
  public void onHedgeWon(String method, int replica, int first) {
    for (ChainmailListener listener : listeners) {
      listener.onHedgeWon(method, replica, first);
    }
  }

  @Override
  public void onReplicaRestarted(String method, int replica) {
    for (ChainmailListener listener : listeners) {
      listener.onReplicaRestarted(method, replica);
    }
  }

  @Override
  public void onCallNotPermitted(String breaker, CircuitBreakerOpenException rejection) {
    for (ChainmailListener listener : listeners) {
      listener.onCallNotPermitted(breaker, rejection);
    }
  }

  @Override
  public void onTimeout(String method, TimeoutExceededException timeout) {
    for (ChainmailListener listener : listeners) {
      listener.onTimeout(method, timeout);
    }
  }

  @Override
  public void onBulkheadFull(String bulkhead, BulkheadFullException rejection) {
    for (ChainmailListener listener : listeners) {
      listener.onBulkheadFull(bulkhead, rejection);
    }
  }

  @Override
  public void onRateLimited(String limiter, RateLimitedException rejection) {
    for (ChainmailListener listener : listeners) {
      listener.onRateLimited(limiter, rejection);
    }
  }
}
