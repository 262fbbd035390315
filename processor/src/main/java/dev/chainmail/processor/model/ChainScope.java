package dev.chainmail.processor.model;

import dev.chainmail.processor.codec.CodecTypeReader;
import dev.chainmail.processor.scan.ChainMembers;

/**
 * What the spec factories of one chain type share: its members, and the reader of the codec types its durable
 * methods need, which collects the chain's records into one catalog.
 *
 * @param members the chain type's members
 * @param codecs the chain's codec type reader
 */
public record ChainScope(ChainMembers members, CodecTypeReader codecs) {}
