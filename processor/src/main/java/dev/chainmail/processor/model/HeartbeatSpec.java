package dev.chainmail.processor.model;

/**
 * A validated {@code @Heartbeat}: the chain's probe of its replicas.
 *
 * @param every how often each replica is probed, as the user wrote it
 * @param returnsBoolean whether the probe returns {@code boolean}, where {@code false} means unhealthy; else it is
 *     {@code void}, and only a throw means unhealthy
 */
public record HeartbeatSpec(String every, boolean returnsBoolean) implements GuardSpec {}
