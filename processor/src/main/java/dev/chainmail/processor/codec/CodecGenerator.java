package dev.chainmail.processor.codec;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.chainmail.processor.model.ChainModel;
import dev.chainmail.processor.model.CheckpointSpec;
import dev.chainmail.processor.model.EntrySpec;
import dev.chainmail.processor.model.GuardedMethod;
import dev.chainmail.processor.model.MethodSignature;
import dev.chainmail.processor.model.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the codecs of one chain's durable methods, {@code ResilientXCodecs}, beside its proxy: a codec constant
 * for each result type, a method encoding each durable method's arguments for its fingerprint, a reader of each
 * entry's recorded arguments for {@code resume}, and one write and one read method per type reached. No
 * reflection and no Java serialization: every value is written field by field through the runtime's
 * {@code CodecWriter}, inside an envelope with the format version, the schema hash and a checksum.
 *
 * <p>A stage of its own, beside {@code ProxyGenerator}; deterministic, like it.
 */
public final class CodecGenerator {

  static final String PACKAGE = "dev.chainmail.runtime.checkpoint";
  static final ClassName CODEC = ClassName.get(PACKAGE, "Codec");
  static final ClassName WRITER = ClassName.get(PACKAGE, "CodecWriter");
  static final ClassName READER = ClassName.get(PACKAGE, "CodecReader");
  static final ClassName FORMAT = ClassName.get(PACKAGE, "CodecFormat");
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  private static final ClassName HASH_SET = ClassName.get("java.util", "LinkedHashSet");
  private static final ClassName HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  private static final ClassName MAP_ENTRY = ClassName.get("java.util", "Map", "Entry");

  /** The codecs file of a chain, or empty if it has no durable method. */
  public Optional<JavaFile> generate(ChainModel model, Element origin) {
    CodecPlan plan = CodecPlan.of(model);
    if (plan.isEmpty()) {
      return Optional.empty();
    }
    ClassName name = CodecNames.codecsClass(model.proxy());
    TypeSpec.Builder codecs = TypeSpec.classBuilder(name)
        .addOriginatingElement(origin)
        .addJavadoc("The codecs of {@link $T}'s durable methods: what its proxy records, and how.\n", model.proxy())
        .addJavadoc("\n<p>This class is thread-safe: it holds only immutable codecs and static methods.\n")
        .addModifiers(Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    if (model.marksGenerated()) {
      codecs.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S",
          "dev.chainmail.processor.ChainmailProcessor").build());
    }
    Map<String, String> schemas = new LinkedHashMap<>();
    for (CodecType result : plan.results()) {
      addCodecClass(plan, codecs, result, schemas);
    }
    for (GuardedMethod method : plan.durableMethods()) {
      CodecType result = result(method);
      ClassName codecClass = ClassName.get("", plan.name(result) + "Codec");
      codecs.addField(FieldSpec.builder(ParameterizedTypeName.get(CODEC, result.typeName().box()),
              CodecNames.resultConstant(method.fieldPrefix()), Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("Records what {@code $L} returns: {@code $L}.\n", method.signature().describe(), result.shape())
          .initializer("new $T()", codecClass)
          .build());
      addArguments(plan, codecs, method, schemas);
    }
    for (Map.Entry<String, String> schema : schemas.entrySet()) {
      codecs.addField(FieldSpec.builder(long.class, schema.getKey(), Modifier.PRIVATE, Modifier.STATIC,
          Modifier.FINAL).initializer("$T.schemaHash($L)", FORMAT, literal(schema.getValue())).build());
    }
    for (CodecType type : plan.types()) {
      if (type instanceof CodecType.Custom custom) {
        codecs.addField(FieldSpec.builder(custom.codec(), plan.constant(custom), Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL).initializer("new $T()", custom.codec()).build());
      }
    }
    for (CodecType type : plan.types()) {
      if (!(type instanceof CodecType.Void) && !inline(type)) {
        codecs.addMethod(writer(plan, type));
        codecs.addMethod(reader(plan, type));
      }
    }
    return Optional.of(JavaFile.builder(name.packageName(), codecs.build())
        .addFileComment("Generated by Chainmail from $L. Do not edit: it is rewritten on every build.",
            model.chainName())
        .skipJavaLangImports(true)
        .build());
  }

  /** A long schema as string literals joined at each record's definition, one per line. */
  private static CodeBlock literal(String schema) {
    String[] parts = schema.split("(?<=; )");
    CodeBlock.Builder literal = CodeBlock.builder().add("$S", parts[0]);
    for (int i = 1; i < parts.length; i++) {
      literal.add("\n    + $S", parts[i]);
    }
    return literal.build();
  }

  private static CodecType result(GuardedMethod method) {
    Optional<EntrySpec> entry = method.guard(EntrySpec.class);
    return entry.isPresent() ? entry.get().result() : method.guard(CheckpointSpec.class).orElseThrow().result();
  }

  /** The codec class of one result type, {@code ListOfDocCodec}, with the schema hash of its values. */
  private static void addCodecClass(CodecPlan plan, TypeSpec.Builder codecs, CodecType type,
      Map<String, String> schemas) {
    String schema = plan.constant(type) + "_SCHEMA";
    schemas.put(schema, plan.catalog().schema(type));
    TypeName valueType = type.typeName().box();
    ClassName codecClass = ClassName.get("", plan.name(type) + "Codec");
    MethodSpec.Builder encode = MethodSpec.methodBuilder("encode").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(byte[].class).addParameter(valueType, "value")
        .addStatement("$T out = $T.start($N)", WRITER, WRITER, schema);
    MethodSpec.Builder decode = MethodSpec.methodBuilder("decode").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(valueType).addParameter(byte[].class, "bytes")
        .addStatement("$T in = $T.open($N, bytes)", READER, READER, schema);
    if (type instanceof CodecType.Void) {
      decode.addStatement("in.end()").addStatement("return null");
    } else {
      encode.addStatement("$L", write(plan, type, "out", CodeBlock.of("value")));
      decode.addStatement("$T value = $L", valueType, read(plan, type))
          .addStatement("in.end()")
          .addStatement("return value");
    }
    encode.addStatement("return out.seal()");
    codecs.addType(TypeSpec.classBuilder(codecClass.simpleName())
        .addJavadoc("Encodes {@code $L}.\n", type.shape())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(CODEC, valueType))
        .addMethod(encode.build())
        .addMethod(decode.build())
        .build());
  }

  /**
   * {@code static CodecWriter searchArguments(String topic)} for a step; for an entry {@code static byte[]
   * runArguments(...)}, its reader and record.
   */
  private static void addArguments(CodecPlan plan, TypeSpec.Builder codecs, GuardedMethod method,
      Map<String, String> schemas) {
    MethodSignature signature = method.signature();
    List<Parameter> parameters = new ArrayList<>(signature.parameters());
    List<CodecType> types;
    Optional<EntrySpec> entry = method.guard(EntrySpec.class);
    if (entry.isPresent()) {
      parameters.remove(entry.get().runId());
      types = entry.get().arguments();
    } else {
      types = method.guard(CheckpointSpec.class).orElseThrow().arguments();
    }
    String schema = CodecNames.resultConstant(method.fieldPrefix()).replace("_RESULT", "_ARGUMENTS_SCHEMA");
    StringBuilder shape = new StringBuilder("arguments(");
    List<String> shapes = new ArrayList<>();
    for (CodecType type : types) {
      shapes.add(type.shape());
    }
    shape.append(String.join(", ", shapes)).append(')');
    for (String reached : reachedRecords(plan, types)) {
      shape.append("; ").append(reached);
    }
    schemas.put(schema, shape.toString());
    MethodSpec.Builder encode = MethodSpec.methodBuilder(CodecNames.argumentsMethod(method.fieldPrefix()))
        .addModifiers(Modifier.STATIC);
    if (entry.isPresent()) {
      encode.addJavadoc("Encodes the arguments of {@code $L}, but its run id, to record them.\n",
              signature.describe())
          .returns(byte[].class)
          .addStatement("$T out = $T.start($N)", WRITER, WRITER, schema);
    } else {
      encode.addJavadoc("Writes the arguments of {@code $L} into the thread's reused writer, for their"
              + " fingerprint.\n", signature.describe())
          .returns(WRITER)
          .addStatement("$T out = $T.arguments($N)", WRITER, WRITER, schema);
    }
    for (int i = 0; i < parameters.size(); i++) {
      encode.addParameter(parameters.get(i).type(), parameters.get(i).name());
      encode.addStatement("$L", write(plan, types.get(i), "out", CodeBlock.of("$N", parameters.get(i).name())));
    }
    codecs.addMethod(encode.addStatement(entry.isPresent() ? "return out.seal()" : "return out").build());
    if (entry.isPresent()) {
      addArgumentsReader(plan, codecs, method, parameters, types, schema);
    }
  }

  private static void addArgumentsReader(CodecPlan plan, TypeSpec.Builder codecs, GuardedMethod method,
      List<Parameter> parameters, List<CodecType> types, String schema) {
    ClassName record = ClassName.get("", CodecNames.argumentsRecord(method.fieldPrefix()));
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int i = 0; i < parameters.size(); i++) {
      constructor.addParameter(types.get(i).typeName(), parameters.get(i).name());
      arguments.add(i == 0 ? "$L" : ",$W$L", read(plan, types.get(i)));
    }
    codecs.addType(TypeSpec.recordBuilder(record.simpleName())
        .addJavadoc("The recorded arguments of {@code $L}, but its run id.\n", method.signature().describe())
        .addModifiers(Modifier.STATIC)
        .recordConstructor(constructor.build())
        .build());
    codecs.addMethod(MethodSpec.methodBuilder(CodecNames.readArgumentsMethod(method.fieldPrefix()))
        .addJavadoc("Decodes the arguments that {@code $L} recorded, to resume its run.\n",
            method.signature().describe())
        .addModifiers(Modifier.STATIC)
        .returns(record)
        .addParameter(byte[].class, "bytes")
        .addStatement("$T in = $T.open($N, bytes)", READER, READER, schema)
        .addStatement("$T arguments = new $T($L)", record, record, arguments.build())
        .addStatement("in.end()")
        .addStatement("return arguments")
        .build());
  }

  private static List<String> reachedRecords(CodecPlan plan, List<CodecType> types) {
    LinkedHashSet<String> reached = new LinkedHashSet<>();
    for (CodecType type : types) {
      String schema = plan.catalog().schema(type);
      int definitions = schema.indexOf("; ");
      if (definitions >= 0) {
        for (String definition : schema.substring(definitions + 2).split("; ")) {
          reached.add(definition);
        }
      }
    }
    return List.copyOf(reached);
  }

  /** Whether a type is written by one call of the runtime's writer, with no method of its own: a non-null scalar. */
  private static boolean inline(CodecType type) {
    return type instanceof CodecType.Scalar scalar && !scalar.boxed();
  }

  /** Writes {@code value} of a type: {@code out.writeInt(value)}, or {@code writeDoc(out, value)}. */
  private static CodeBlock write(CodecPlan plan, CodecType type, String out, CodeBlock value) {
    return type instanceof CodecType.Scalar scalar && !scalar.boxed()
        ? CodeBlock.of("$N.write$L($L)", out, scalar.kind().method(), value)
        : CodeBlock.of("write$L($N, $L)", plan.name(type), out, value);
  }

  /** Reads a value of a type: {@code in.readInt()}, or {@code readDoc(in)}. */
  private static CodeBlock read(CodecPlan plan, CodecType type) {
    return type instanceof CodecType.Scalar scalar && !scalar.boxed()
        ? CodeBlock.of("in.read$L()", scalar.kind().method())
        : CodeBlock.of("read$L(in)", plan.name(type));
  }

  private static MethodSpec writer(CodecPlan plan, CodecType type) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("write" + plan.name(type))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(WRITER, "out")
        .addParameter(type.typeName(), "value");
    return method.addCode(writeBody(plan, type)).build();
  }

  private static CodeBlock writeBody(CodecPlan plan, CodecType type) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (type instanceof CodecType.Scalar scalar) {
      return code.beginControlFlow("if (out.writePresence(value))")
          .addStatement("out.write$L(value)", scalar.kind().method())
          .endControlFlow().build();
    }
    if (type instanceof CodecType.EnumType) {
      return code.addStatement("out.writeString(value == null ? null : value.name())").build();
    }
    if (type instanceof CodecType.Custom custom) {
      return code.beginControlFlow("if (out.writePresence(value))")
          .addStatement("out.writeBytes($N.encode(value))", customField(plan, custom))
          .endControlFlow().build();
    }
    code.beginControlFlow("if (out.writePresence(value))");
    if (type instanceof CodecType.RecordType record) {
      for (CodecType.Component component : plan.catalog().components(record.name())) {
        code.addStatement("$L", write(plan, component.type(), "out", CodeBlock.of("value.$N()", component.name())));
      }
    } else if (type instanceof CodecType.Container container) {
      if (container.kind() == CodecType.ContainerKind.OPTIONAL) {
        code.beginControlFlow("if (out.writePresence(value.orElse(null)))")
            .addStatement("$L", write(plan, container.element(), "out", CodeBlock.of("value.get()")))
            .endControlFlow();
      } else if (container.kind() == CodecType.ContainerKind.LIST) {
        code.addStatement("out.writeSize(value.size())")
            .beginControlFlow("for ($T element : value)", container.element().typeName())
            .addStatement("$L", write(plan, container.element(), "out", CodeBlock.of("element")))
            .endControlFlow();
      } else {
        code.add("// In canonical order, so that equal sets encode, and fingerprint, alike.\n")
            .addStatement("byte[][] fragments = new byte[value.size()][]")
            .addStatement("int i = 0")
            .beginControlFlow("for ($T element : value)", container.element().typeName())
            .addStatement("$T fragment = $T.fragment()", WRITER, WRITER)
            .addStatement("$L", write(plan, container.element(), "fragment", CodeBlock.of("element")))
            .addStatement("fragments[i++] = fragment.toFragment()")
            .endControlFlow()
            .addStatement("out.writeSortedFragments(fragments)");
      }
    } else if (type instanceof CodecType.MapType map) {
      code.add("// In canonical order, so that equal maps encode, and fingerprint, alike.\n")
          .addStatement("byte[][] fragments = new byte[value.size()][]")
          .addStatement("int i = 0")
          .beginControlFlow("for ($T entry : value.entrySet())",
              ParameterizedTypeName.get(MAP_ENTRY, map.key().typeName(), map.value().typeName()))
          .addStatement("$T fragment = $T.fragment()", WRITER, WRITER)
          .addStatement("$L", write(plan, map.key(), "fragment", CodeBlock.of("entry.getKey()")))
          .addStatement("$L", write(plan, map.value(), "fragment", CodeBlock.of("entry.getValue()")))
          .addStatement("fragments[i++] = fragment.toFragment()")
          .endControlFlow()
          .addStatement("out.writeSortedFragments(fragments)");
    }
    return code.endControlFlow().build();
  }

  private static MethodSpec reader(CodecPlan plan, CodecType type) {
    return MethodSpec.methodBuilder("read" + plan.name(type))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(type.typeName())
        .addParameter(READER, "in")
        .addCode(readBody(plan, type))
        .build();
  }

  private static CodeBlock readBody(CodecPlan plan, CodecType type) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (type instanceof CodecType.Scalar scalar) {
      return code.addStatement("return in.readPresence() ? in.read$L() : null", scalar.kind().method()).build();
    }
    if (type instanceof CodecType.EnumType enumType) {
      return code.addStatement("String name = in.readString()")
          .addStatement("return name == null ? null : $T.valueOf(name)", enumType.name())
          .build();
    }
    if (type instanceof CodecType.Custom custom) {
      return code.addStatement("return in.readPresence() ? $N.decode(in.readBytes()) : null",
          customField(plan, custom)).build();
    }
    code.beginControlFlow("if (!in.readPresence())").addStatement("return null").endControlFlow();
    if (type instanceof CodecType.RecordType record) {
      CodeBlock.Builder arguments = CodeBlock.builder();
      List<CodecType.Component> components = plan.catalog().components(record.name());
      for (int i = 0; i < components.size(); i++) {
        arguments.add(i == 0 ? "$L" : ",$W$L", read(plan, components.get(i).type()));
      }
      return code.addStatement("return new $T($L)", record.name(), arguments.build()).build();
    }
    if (type instanceof CodecType.Container container) {
      CodecType element = container.element();
      if (container.kind() == CodecType.ContainerKind.OPTIONAL) {
        return code.addStatement("return in.readPresence() ? $T.of($L) : $T.empty()", OPTIONAL, read(plan, element),
            OPTIONAL).build();
      }
      boolean list = container.kind() == CodecType.ContainerKind.LIST;
      return code.addStatement("int size = in.readSize()")
          .addStatement("$T value = new $T<>($L)", type.typeName(), list ? ARRAY_LIST : HASH_SET, list ? "size" : "")
          .beginControlFlow("for (int i = 0; i < size; i++)")
          .addStatement("value.add($L)", read(plan, element))
          .endControlFlow()
          .addStatement("return value")
          .build();
    }
    CodecType.MapType map = (CodecType.MapType) type;
    return code.addStatement("int size = in.readSize()")
        .addStatement("$T value = new $T<>()", type.typeName(), HASH_MAP)
        .beginControlFlow("for (int i = 0; i < size; i++)")
        .addStatement("value.put($L, $L)", read(plan, map.key()), read(plan, map.value()))
        .endControlFlow()
        .addStatement("return value")
        .build();
  }

  private static String customField(CodecPlan plan, CodecType.Custom custom) {
    return plan.constant(custom);
  }
}
