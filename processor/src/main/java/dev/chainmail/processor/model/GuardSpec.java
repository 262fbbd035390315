package dev.chainmail.processor.model;

/**
 * The validated description of one guard on one method, such as a {@link RetrySpec}. Implementations are immutable
 * records with no {@code Element} in them.
 */
public interface GuardSpec {}
