package dev.chainmail.runtime;

/**
 * One replica's part of a synchronous call of a replicated method that calls several replicas at once: the guards
 * beneath {@code @Replicated} and the call of that replica. The proxy passes it to {@link ReplicaPolicy#call}.
 *
 * @param <T> the type of the value
 */
@FunctionalInterface
public interface ReplicaCall<T> {

  /**
   * @param replica the replica's index, from 0
   * @return its answer
   * @throws Exception what the replica's call threw, which the proxy's method declares or is unchecked
   */
  T call(int replica) throws Exception;
}
