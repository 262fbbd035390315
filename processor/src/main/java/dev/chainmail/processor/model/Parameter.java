package dev.chainmail.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * One parameter of a proxied method or constructor.
 *
 * @param type its type, as seen from the chain type
 * @param name its name, as declared
 */
public record Parameter(TypeName type, String name) {}
