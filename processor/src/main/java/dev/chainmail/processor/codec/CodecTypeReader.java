package dev.chainmail.processor.codec;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the {@link CodecType} of a step's result or argument, and the records it reaches, for one chain. Types
 * that have a user codec in the chain are written with it wherever they appear; a type that neither a generated
 * nor a user codec can write is reported, with the reason, and read as {@code null}.
 *
 * <p>One reader serves one chain type and is not thread-safe.
 */
public final class CodecTypeReader {

  private static final String[] CONTAINERS = {"java.util.List", "java.util.Set", "java.util.Optional"};

  private final Elements elements;
  private final Types types;
  private final String chainPackage;
  private final List<UserCodec> userCodecs;
  private final Map<ClassName, List<CodecType.Component>> records = new LinkedHashMap<>();

  /** A user's codec class and the type it writes. */
  public record UserCodec(TypeMirror valueType, ClassName codec) {}

  /**
   * @param elements javac's element utilities
   * @param types javac's type utilities
   * @param chain the chain type, in whose package the codecs are generated
   * @param userCodecs the codecs given by the chain's {@code @Checkpoint(codec = ...)}s
   */
  public CodecTypeReader(Elements elements, Types types, TypeElement chain, List<UserCodec> userCodecs) {
    this.elements = elements;
    this.types = types;
    this.chainPackage = elements.getPackageOf(chain).getQualifiedName().toString();
    this.userCodecs = List.copyOf(userCodecs);
  }

  /** What reading one type found: its codec type, or the reason it has none. */
  public record Reading(Optional<CodecType> type, Optional<String> unsupported) {}

  /** Reads one type, adding the records it reaches to the catalog. */
  public Reading read(TypeMirror type) {
    List<String> problems = new ArrayList<>();
    CodecType read = read(type, problems);
    return problems.isEmpty()
        ? new Reading(Optional.of(read), Optional.empty())
        : new Reading(Optional.empty(), Optional.of(problems.get(0)));
  }

  /** The records read so far, with their components. */
  public CodecCatalog catalog() {
    return new CodecCatalog(records);
  }

  private CodecType read(TypeMirror type, List<String> problems) {
    for (UserCodec user : userCodecs) {
      if (types.isSameType(user.valueType(), type)) {
        return new CodecType.Custom(TypeName.get(type), user.codec());
      }
      if (type.getKind().isPrimitive()
          && types.isSameType(user.valueType(), types.boxedClass((PrimitiveType) type).asType())) {
        return new CodecType.Custom(TypeName.get(type), user.codec());
      }
    }
    switch (type.getKind()) {
      case VOID:
        return new CodecType.Void();
      case BOOLEAN:
        return new CodecType.Scalar(ScalarKind.BOOLEAN, false);
      case BYTE:
        return new CodecType.Scalar(ScalarKind.BYTE, false);
      case SHORT:
        return new CodecType.Scalar(ScalarKind.SHORT, false);
      case CHAR:
        return new CodecType.Scalar(ScalarKind.CHAR, false);
      case INT:
        return new CodecType.Scalar(ScalarKind.INT, false);
      case LONG:
        return new CodecType.Scalar(ScalarKind.LONG, false);
      case FLOAT:
        return new CodecType.Scalar(ScalarKind.FLOAT, false);
      case DOUBLE:
        return new CodecType.Scalar(ScalarKind.DOUBLE, false);
      case ARRAY:
        if (((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
          return new CodecType.Scalar(ScalarKind.BYTES, false);
        }
        problems.add("arrays other than byte[] have no generated codec; use a List");
        return null;
      case DECLARED:
        return declared((DeclaredType) type, problems);
      default:
        problems.add("a " + type.getKind().toString().toLowerCase() + " type has no generated codec");
        return null;
    }
  }

  private CodecType declared(DeclaredType type, List<String> problems) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    Optional<ScalarKind> box = box(name);
    if (box.isPresent()) {
      return new CodecType.Scalar(box.get(), !box.get().nullable());
    }
    for (int i = 0; i < CONTAINERS.length; i++) {
      if (name.equals(CONTAINERS[i])) {
        return container(CodecType.ContainerKind.values()[i], type, problems);
      }
    }
    if (name.equals("java.util.Map")) {
      if (type.getTypeArguments().size() != 2) {
        problems.add("a raw Map has no generated codec; give it type arguments");
        return null;
      }
      CodecType key = argument(type.getTypeArguments().get(0), problems);
      CodecType value = argument(type.getTypeArguments().get(1), problems);
      return problems.isEmpty() ? new CodecType.MapType(key, value) : null;
    }
    if (!accessible(element)) {
      problems.add(name + " cannot be reached from package " + chainPackage + ", where the generated codec is: "
          + "make it public, or move it there");
      return null;
    }
    if (element.getKind() == ElementKind.ENUM) {
      return new CodecType.EnumType(ClassName.get(element));
    }
    if (element.getKind() == ElementKind.RECORD) {
      return record(element, problems);
    }
    problems.add(name + " is not a string, primitive, byte[], enum, record, List, Set, Map or Optional");
    return null;
  }

  private CodecType container(CodecType.ContainerKind kind, DeclaredType type, List<String> problems) {
    if (type.getTypeArguments().size() != 1) {
      problems.add("a raw " + kind.rawType().simpleName() + " has no generated codec; give it a type argument");
      return null;
    }
    CodecType element = argument(type.getTypeArguments().get(0), problems);
    return problems.isEmpty() ? new CodecType.Container(kind, element) : null;
  }

  /** A type argument: wildcards and type variables are refused, since a codec must know the exact type. */
  private CodecType argument(TypeMirror argument, List<String> problems) {
    if (argument.getKind() == TypeKind.WILDCARD || argument.getKind() == TypeKind.TYPEVAR) {
      problems.add("the type argument " + argument + " is not a concrete type; name the type itself");
      return null;
    }
    return read(argument, problems);
  }

  private CodecType record(TypeElement element, List<String> problems) {
    ClassName name = ClassName.get(element);
    CodecType.RecordType reference = new CodecType.RecordType(name);
    if (records.containsKey(name)) {
      return reference;
    }
    if (!element.getTypeParameters().isEmpty()) {
      problems.add("the generic record " + element.getQualifiedName() + " has no generated codec");
      return null;
    }
    List<CodecType.Component> components = new ArrayList<>();
    records.put(name, components);
    for (RecordComponentElement component : element.getRecordComponents()) {
      CodecType type = read(component.asType(), problems);
      if (!problems.isEmpty()) {
        records.remove(name);
        return null;
      }
      components.add(new CodecType.Component(component.getSimpleName().toString(), type));
    }
    records.put(name, List.copyOf(components));
    return reference;
  }

  private static Optional<ScalarKind> box(String name) {
    switch (name) {
      case "java.lang.String":
        return Optional.of(ScalarKind.STRING);
      case "java.lang.Boolean":
        return Optional.of(ScalarKind.BOOLEAN);
      case "java.lang.Byte":
        return Optional.of(ScalarKind.BYTE);
      case "java.lang.Short":
        return Optional.of(ScalarKind.SHORT);
      case "java.lang.Character":
        return Optional.of(ScalarKind.CHAR);
      case "java.lang.Integer":
        return Optional.of(ScalarKind.INT);
      case "java.lang.Long":
        return Optional.of(ScalarKind.LONG);
      case "java.lang.Float":
        return Optional.of(ScalarKind.FLOAT);
      case "java.lang.Double":
        return Optional.of(ScalarKind.DOUBLE);
      default:
        return Optional.empty();
    }
  }

  /** Whether the generated codec, in the chain's package, can name the type and call its constructor. */
  private boolean accessible(Element element) {
    boolean samePackage = elements.getPackageOf(element).getQualifiedName().contentEquals(chainPackage);
    for (Element enclosing = element; enclosing instanceof TypeElement; enclosing = enclosing.getEnclosingElement()) {
      if (enclosing.getModifiers().contains(Modifier.PRIVATE)
          || (!samePackage && !enclosing.getModifiers().contains(Modifier.PUBLIC))) {
        return false;
      }
    }
    return true;
  }
}
