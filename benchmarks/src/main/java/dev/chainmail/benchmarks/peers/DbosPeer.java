package dev.chainmail.benchmarks.peers;

import dev.chainmail.benchmarks.chains.DurableChain;
import dev.chainmail.benchmarks.chains.DurableChain.Paper;
import dev.dbos.transact.DBOS;
import dev.dbos.transact.DbosRecovery;
import dev.dbos.transact.config.DBOSConfig;
import dev.dbos.transact.context.WorkflowOptions;
import dev.dbos.transact.workflow.Step;
import dev.dbos.transact.workflow.Workflow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * DBOS Transact Java on the benchmarks' PostgreSQL server: the chain of {@code chains/DurableRun} written as DBOS
 * writes it, a {@code @Workflow} that calls {@code @Step} methods through their registered proxy, one after another.
 * DBOS keeps its tables in its own schema ({@code dbos}) of the same database, over the same pool. One instance is
 * launched per benchmark trial and closed after it, so that its background threads never run beside another
 * library's measurement. Thread-safe, as DBOS's proxies are.
 */
public final class DbosPeer implements AutoCloseable {

  /** The chain as DBOS declares it: the workflows. */
  public interface Run {
    /** @return the last step's result, after {@code steps} steps */
    Paper run(int steps);
  }

  /** The chain as DBOS declares it: the step, on a proxy of its own, as DBOS's documentation writes it. */
  public interface Steps {
    /** @return the record */
    Paper step(int index);
  }

  static final class StepsImpl implements Steps {
    final AtomicLong executions = new AtomicLong();

    @Override
    @Step(name = "step")
    public Paper step(int index) {
      executions.incrementAndGet();
      return DurableChain.PAPER;
    }
  }

  static final class RunImpl implements Run {
    private final Steps steps;

    RunImpl(Steps steps) {
      this.steps = steps;
    }

    @Override
    @Workflow(name = "run")
    public Paper run(int count) {
      Paper last = null;
      for (int i = 0; i < count; i++) {
        last = steps.step(i);
      }
      return last;
    }
  }

  private final DBOS dbos;
  private final DataSource pool;
  private final StepsImpl steps = new StepsImpl();
  private final Run run;

  /**
   * Launches DBOS on the pool, with its defaults (no admin server, no Conductor): its migrations create its
   * schema at the first launch.
   *
   * @param pool the pool of the benchmarks' server
   */
  public DbosPeer(DataSource pool) {
    this.pool = pool;
    dbos = new DBOS(DBOSConfig.defaults("chainmail-benchmarks").withDataSource(pool));
    Steps stepsProxy = dbos.registerProxy(Steps.class, steps);
    run = dbos.registerProxy(Run.class, new RunImpl(stepsProxy));
    dbos.launch();
  }

  /**
   * Runs a new workflow of {@code steps} steps under the given id, each step recorded before the next starts.
   *
   * @param workflowId a new id
   * @param steps the number of steps
   * @return the last step's result
   */
  public Paper run(String workflowId, int steps) {
    WorkflowOptions.Guard id = new WorkflowOptions(workflowId).setContext();
    try {
      return run.run(steps);
    } finally {
      id.close();
    }
  }

  /**
   * Recovers a finished workflow as DBOS recovers a pending one after a crash: its state is set back to
   * {@code PENDING}, as DBOS's own recovery tests do, and the executor runs it again, each step's result read
   * from the database instead of the step being executed.
   *
   * @param workflowId a workflow that has run
   * @throws SQLException if the state cannot be set
   */
  public void markPending(String workflowId) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement update = connection.prepareStatement(
            "UPDATE dbos.workflow_status SET status = 'PENDING', recovery_attempts = 0 WHERE workflow_uuid = ?")) {
      update.setString(1, workflowId);
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("DBOS has no workflow " + workflowId + " to mark pending");
      }
    }
  }

  /**
   * @param workflowId a pending workflow, from {@link #markPending}
   * @return its result, its steps replayed from their records
   * @throws Exception what the workflow threw
   */
  public Paper recover(String workflowId) throws Exception {
    return DbosRecovery.recover(dbos, workflowId);
  }

  /** @return how many steps DBOS has recorded for the workflow */
  public int recordedSteps(String workflowId) {
    return (int) dbos.listWorkflowSteps(workflowId).stream().filter(step -> "step".equals(step.functionName()))
        .count();
  }

  /** @return how many times a step has executed, not replayed, in this instance */
  public long stepExecutions() {
    return steps.executions.get();
  }

  @Override
  public void close() {
    dbos.close();
  }
}
