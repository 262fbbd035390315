package dev.chainmail.runtime;

/**
 * A snapshot of one replica of a {@link ReplicaSet}, as {@link ReplicaSet#health()} returns it. It is not updated
 * afterwards. This record is immutable and thread-safe.
 *
 * @param index the replica's index, from 0, in the order the replicas were given
 * @param ejected whether the replica is ejected (including while its factory re-creates it); a replica whose
 *     ejection time is over but that no call or probe has seen since is still ejected
 * @param inFlight how many calls of the methods that balance on load ({@link ReplicaStrategy#LEAST_LOADED}) are
 *     running on the replica; calls of other methods are not counted
 * @param consecutiveFailures how many calls and probes in a row have failed on the replica since its last success
 * @param ejections how many times the replica has been ejected, failed restarts included
 */
public record ReplicaHealth(int index, boolean ejected, int inFlight, int consecutiveFailures, int ejections) {}
