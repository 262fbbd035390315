package dev.chainmail.processor.model;

import com.palantir.javapoet.ClassName;
import dev.chainmail.processor.codec.CodecType;
import java.util.List;

/**
 * A validated {@code @Checkpoint}: a durable step.
 *
 * @param name the step's name in the store
 * @param rerunOnMismatch whether a step whose arguments changed is executed again, rather than failing
 * @param atMostOnce whether a STARTED marker is recorded before the step executes
 * @param result how the step's result is encoded
 * @param arguments how each of its arguments is encoded for the fingerprint, in parameter order
 * @param codecs the chain's generated codecs class
 */
public record CheckpointSpec(String name, boolean rerunOnMismatch, boolean atMostOnce, CodecType result,
    List<CodecType> arguments, ClassName codecs) implements GuardSpec {}
