package dev.chainmail.processor.model;

import java.util.Optional;

/**
 * A validated {@code @RateLimit}.
 *
 * @param value the permits per window
 * @param window the window, if not the default
 * @param maxWait how long to wait for a permit, if not zero
 * @param name the shared limit's name, or empty
 */
public record RateLimitSpec(int value, Optional<String> window, Optional<String> maxWait, String name)
    implements GuardSpec {}
