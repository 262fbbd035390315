package dev.chainmail.processor.model;

/**
 * A step's {@code @StepKey} parameter, which names its occurrence in a run in place of a call count.
 *
 * @param parameter the parameter's index
 */
public record StepKeySpec(int parameter) implements GuardSpec {}
