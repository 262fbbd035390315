package dev.chainmail.processor.model;

import java.util.Optional;

/**
 * A validated {@code @Bulkhead}.
 *
 * @param value the most concurrent calls
 * @param maxWait how long to wait for a permit, if not zero
 * @param name the shared bulkhead's name, or empty
 */
public record BulkheadSpec(int value, Optional<String> maxWait, String name) implements GuardSpec {}
