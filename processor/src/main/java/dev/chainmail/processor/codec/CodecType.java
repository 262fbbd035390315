package dev.chainmail.processor.codec;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * The shape of a value a durable step records, as far as its codec cares: what the generated codec writes and
 * reads. Records are referred to by name, so a record may contain itself; their components are in the
 * {@link CodecCatalog}. Implementations are immutable.
 */
public sealed interface CodecType {

  /** The Java type, boxed where it is a type argument. */
  TypeName typeName();

  /**
   * The canonical shape, as schema hashes and method names are made from it: {@code List<record com.example.Doc>}.
   */
  String shape();

  /** A Java identifier naming this shape in generated methods: {@code ListOfDoc}. */
  String suffix();

  /** A string, a primitive, a box or {@code byte[]}. */
  record Scalar(ScalarKind kind, boolean boxed) implements CodecType {
    @Override
    public TypeName typeName() {
      return boxed && !kind.nullable() ? kind.type().box() : kind.type();
    }

    @Override
    public String shape() {
      return boxed ? kind.boxName() : kind.shapeName();
    }

    @Override
    public String suffix() {
      return boxed ? kind.boxName() : kind.suffix();
    }
  }

  /** An enum, written by constant name. */
  record EnumType(ClassName name) implements CodecType {
    @Override
    public TypeName typeName() {
      return name;
    }

    @Override
    public String shape() {
      return "enum " + name.canonicalName();
    }

    @Override
    public String suffix() {
      return name.simpleName();
    }
  }

  /** A record, written component by component; see {@link CodecCatalog#components}. */
  record RecordType(ClassName name) implements CodecType {
    @Override
    public TypeName typeName() {
      return name;
    }

    @Override
    public String shape() {
      return "record " + name.canonicalName();
    }

    @Override
    public String suffix() {
      return name.simpleName();
    }
  }

  /** A {@code List}, {@code Set} or {@code Optional} of one element type. */
  record Container(ContainerKind kind, CodecType element) implements CodecType {
    @Override
    public TypeName typeName() {
      return ParameterizedTypeName.get(kind.rawType(), element.typeName());
    }

    @Override
    public String shape() {
      return kind.rawType().simpleName() + "<" + element.shape() + ">";
    }

    @Override
    public String suffix() {
      return kind.rawType().simpleName() + "Of" + element.suffix();
    }
  }

  /** A {@code Map}. */
  record MapType(CodecType key, CodecType value) implements CodecType {
    @Override
    public TypeName typeName() {
      return ParameterizedTypeName.get(ClassName.get("java.util", "Map"), key.typeName(), value.typeName());
    }

    @Override
    public String shape() {
      return "Map<" + key.shape() + ", " + value.shape() + ">";
    }

    @Override
    public String suffix() {
      return "MapOf" + key.suffix() + "To" + value.suffix();
    }
  }

  /** A type the user's own codec class writes. */
  record Custom(TypeName valueType, ClassName codec) implements CodecType {
    @Override
    public TypeName typeName() {
      return valueType.isPrimitive() ? valueType.box() : valueType;
    }

    @Override
    public String shape() {
      return "codec " + codec.canonicalName();
    }

    @Override
    public String suffix() {
      return "With" + codec.simpleName();
    }
  }

  /** The result of a {@code void} step: nothing but the fact that it returned. */
  record Void() implements CodecType {
    @Override
    public TypeName typeName() {
      return ClassName.get("java.lang", "Void");
    }

    @Override
    public String shape() {
      return "void";
    }

    @Override
    public String suffix() {
      return "Void";
    }
  }

  /** The containers of one element type. */
  enum ContainerKind {
    LIST(ClassName.get("java.util", "List")),
    SET(ClassName.get("java.util", "Set")),
    OPTIONAL(ClassName.get("java.util", "Optional"));

    private final ClassName rawType;

    ContainerKind(ClassName rawType) {
      this.rawType = rawType;
    }

    public ClassName rawType() {
      return rawType;
    }
  }

  /** A component of a record: its accessor's name and its shape. */
  record Component(String name, CodecType type) {}

  /** The types of a list of components, in order. */
  static List<CodecType> types(List<Component> components) {
    return components.stream().map(Component::type).toList();
  }
}
