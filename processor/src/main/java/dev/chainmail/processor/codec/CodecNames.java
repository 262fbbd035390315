package dev.chainmail.processor.codec;

import com.palantir.javapoet.ClassName;

/**
 * The names by which generated proxies refer to their chain's generated codecs: one place, so the proxy generator
 * and the codec generator cannot disagree.
 */
public final class CodecNames {

  private CodecNames() {}

  /** The class holding a chain's codecs: {@code p.ResilientReportChainCodecs}, beside its proxy. */
  public static ClassName codecsClass(ClassName proxy) {
    return ClassName.get(proxy.packageName(), proxy.simpleName() + "Codecs");
  }

  /** The constant holding the codec of a durable method's result: {@code SEARCH_RESULT}. */
  public static String resultConstant(String fieldPrefix) {
    return fieldPrefix.replace('$', '_').toUpperCase() + "_RESULT";
  }

  /** The method encoding a durable method's arguments: {@code searchArguments}. */
  public static String argumentsMethod(String fieldPrefix) {
    return fieldPrefix.replace('$', '_') + "Arguments";
  }

  /** The method decoding an entry's recorded arguments: {@code readRunArguments}. */
  public static String readArgumentsMethod(String fieldPrefix) {
    return "read" + capitalized(argumentsMethod(fieldPrefix));
  }

  /** The record holding an entry's decoded arguments: {@code RunArguments}. */
  public static String argumentsRecord(String fieldPrefix) {
    return capitalized(argumentsMethod(fieldPrefix));
  }

  static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
