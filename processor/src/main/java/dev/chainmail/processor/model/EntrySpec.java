package dev.chainmail.processor.model;

import com.palantir.javapoet.ClassName;
import dev.chainmail.processor.codec.CodecType;
import java.util.List;

/**
 * A run's entry: a method with a {@code @RunId} parameter.
 *
 * @param entry the entry as the store records it: {@code com.example.ReportChain/run}, with the chain's binary name
 * @param runId the index of the run id parameter
 * @param result how the entry's result is encoded
 * @param arguments how each argument but the run id is encoded, in parameter order
 * @param codecs the chain's generated codecs class
 */
public record EntrySpec(String entry, int runId, CodecType result, List<CodecType> arguments, ClassName codecs)
    implements GuardSpec {}
