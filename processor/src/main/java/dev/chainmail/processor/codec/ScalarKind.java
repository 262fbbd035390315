package dev.chainmail.processor.codec;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/**
 * The values a codec writes with one call of the runtime's {@code CodecWriter}: the primitives, strings and
 * {@code byte[]}. The boxes of the primitives are the same kinds, written with a null marker first.
 */
public enum ScalarKind {
  BOOLEAN(TypeName.BOOLEAN, "Boolean", "Boolean"),
  BYTE(TypeName.BYTE, "Byte", "Byte"),
  SHORT(TypeName.SHORT, "Short", "Short"),
  CHAR(TypeName.CHAR, "Character", "Char"),
  INT(TypeName.INT, "Integer", "Int"),
  LONG(TypeName.LONG, "Long", "Long"),
  FLOAT(TypeName.FLOAT, "Float", "Float"),
  DOUBLE(TypeName.DOUBLE, "Double", "Double"),
  STRING(ClassName.get("java.lang", "String"), "String", "String"),
  BYTES(ArrayTypeName.of(TypeName.BYTE), "Bytes", "Bytes");

  private final TypeName type;
  private final String boxName;
  private final String method;

  ScalarKind(TypeName type, String boxName, String method) {
    this.type = type;
    this.boxName = boxName;
    this.method = method;
  }

  /** The suffix of the runtime's {@code CodecWriter} and {@code CodecReader} methods: {@code writeInt}. */
  public String method() {
    return method;
  }

  /** Whether the kind's values may be null without a box: strings and {@code byte[]}. */
  public boolean nullable() {
    return this == STRING || this == BYTES;
  }

  /** The Java type: a primitive, {@code String} or {@code byte[]}. */
  public TypeName type() {
    return type;
  }

  /** The name of the box, which is also the suffix of the writer's and reader's methods: {@code Integer}. */
  public String boxName() {
    return boxName;
  }

  /** Whether the Java type is a primitive, which cannot be null. */
  public boolean primitive() {
    return type.isPrimitive();
  }

  /** The name in shapes: the primitive's keyword, {@code String} or {@code byte[]}. */
  public String shapeName() {
    return this == BYTES ? "byte[]" : type.toString().replace("java.lang.", "");
  }

  /** The suffix in generated names: {@code Int}, {@code String}, {@code Bytes}. */
  public String suffix() {
    return method;
  }
}
