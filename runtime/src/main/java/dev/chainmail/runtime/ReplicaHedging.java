package dev.chainmail.runtime;

/**
 * The hedging of one {@code HEDGED} method, built once with its {@link ReplicaPolicy}: the delay before each hedge,
 * fixed or adaptive, the most hedges per call, and the budget that bounds them over a sliding window of 10 s, with
 * a floor of {@value #BUDGET_FLOOR} hedges per window. This class is thread-safe.
 */
final class ReplicaHedging {

  /** The hedges a budget always allows in its window of 10 s. */
  static final int BUDGET_FLOOR = 100;
  /** The adaptive delay until the method's latencies are known: 2 s. */
  static final long ADAPTIVE_FALLBACK_NANOS = 2_000_000_000L;

  private final long fixedDelayNanos;
  private final int maxHedges;
  private final LoadBudget budget;
  private final LatencyWindow window;
  private final Clock clock;
  private final Scheduler scheduler;
  private final ChainmailListener listener;

  /**
   * @param fixedDelayNanos the hedge delay, or a negative number for the adaptive one, the p95 of recent successes
   * @param budget the hedges allowed per call, above zero: a method with no budget sends no hedge, and has no
   *     hedging
   */
  ReplicaHedging(long fixedDelayNanos, int maxHedges, double budget, ChainmailContext context) {
    this.fixedDelayNanos = fixedDelayNanos;
    this.maxHedges = maxHedges;
    this.clock = context.clock();
    this.budget = new LoadBudget(budget, BUDGET_FLOOR, clock);
    this.window = new LatencyWindow(clock, ADAPTIVE_FALLBACK_NANOS);
    this.scheduler = context.scheduler();
    this.listener = context.listener();
  }

  /**
   * Counts a call toward the budget, and starts it.
   *
   * @param pending whether the first replica's stage is certain to be pending when its call returns
   */
  <T> AsyncHedge<T> start(AsyncHedge<T> call, int first, boolean pending) {
    budget.recordCall();
    call.start(first, pending);
    return call;
  }

  long delayNanos() {
    return fixedDelayNanos >= 0 ? fixedDelayNanos : window.p95Nanos();
  }

  boolean adaptive() {
    return fixedDelayNanos < 0;
  }

  int maxHedges() {
    return maxHedges;
  }

  /** Spends the budget of one hedge, if it allows one. */
  boolean trySpend() {
    return budget.trySpend();
  }

  LatencyWindow window() {
    return window;
  }

  Clock clock() {
    return clock;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  ChainmailListener listener() {
    return listener;
  }
}
