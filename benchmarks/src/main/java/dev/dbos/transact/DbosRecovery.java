package dev.dbos.transact;

import dev.dbos.transact.workflow.WorkflowHandle;

/**
 * Reaches the one call of DBOS Transact that the resume benchmark needs and its public API keeps in the package:
 * the executor's {@code executeWorkflowById(id, true, false)}, which is what DBOS itself runs on each pending
 * workflow when it recovers them at launch, and what its own {@code RecoveryServiceTest} calls through
 * {@code DBOSTestAccess}. The public {@code resumeWorkflow} would instead put the workflow on DBOS's internal queue,
 * so that the measurement would be the queue's polling interval.
 */
public final class DbosRecovery {

  private DbosRecovery() {}

  /**
   * Recovers one pending workflow, as DBOS's launch does, and waits for its result.
   *
   * @param dbos a launched DBOS
   * @param workflowId a workflow in the state {@code PENDING}
   * @param <T> its result type
   * @return its result
   * @throws Exception what the workflow threw
   */
  public static <T> T recover(DBOS dbos, String workflowId) throws Exception {
    WorkflowHandle<T, Exception> handle = dbos.getDbosExecutor().executeWorkflowById(workflowId, true, false);
    return handle.getResult();
  }
}
