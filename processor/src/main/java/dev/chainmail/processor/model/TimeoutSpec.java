package dev.chainmail.processor.model;

import java.util.Optional;

/**
 * A validated {@code @Timeout}.
 *
 * @param value the time one attempt may take, if not the default
 */
public record TimeoutSpec(Optional<String> value) implements GuardSpec {}
