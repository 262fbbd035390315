package dev.chainmail.processor.codec;

import dev.chainmail.processor.model.ChainModel;
import dev.chainmail.processor.model.CheckpointSpec;
import dev.chainmail.processor.model.EntrySpec;
import dev.chainmail.processor.model.GuardedMethod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a chain's codecs file holds, and the name of each part: a pure function of the chain's model, so that the
 * proxy that calls the codecs and the file that defines them agree on every name.
 */
public final class CodecPlan {

  private final CodecCatalog catalog;
  private final Map<String, CodecType> results = new LinkedHashMap<>();
  private final Map<String, CodecType> shapes = new LinkedHashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();
  private final List<GuardedMethod> durable = new ArrayList<>();

  private CodecPlan(ChainModel model) {
    this.catalog = model.codecs();
    for (GuardedMethod method : model.guarded()) {
      List<CodecType> arguments;
      CodecType result;
      if (method.has(CheckpointSpec.class)) {
        CheckpointSpec step = method.guard(CheckpointSpec.class).orElseThrow();
        arguments = step.arguments();
        result = step.result();
      } else if (method.has(EntrySpec.class)) {
        EntrySpec entry = method.guard(EntrySpec.class).orElseThrow();
        arguments = entry.arguments();
        result = entry.result();
      } else {
        continue;
      }
      durable.add(method);
      results.putIfAbsent(result.shape(), result);
      add(result);
      for (CodecType argument : arguments) {
        add(argument);
      }
    }
    Set<String> taken = new HashSet<>();
    for (CodecType type : shapes.values()) {
      String name = type.suffix();
      for (int i = 2; !taken.add(name); i++) {
        name = type.suffix() + i;
      }
      names.put(type.shape(), name);
    }
  }

  /** The plan of a chain's codecs. */
  public static CodecPlan of(ChainModel model) {
    return new CodecPlan(model);
  }

  /** Whether the chain has durable methods, and so a codecs file. */
  public boolean isEmpty() {
    return durable.isEmpty();
  }

  /** The methods whose arguments and results the codecs encode: steps and entries, in declaration order. */
  public List<GuardedMethod> durableMethods() {
    return durable;
  }

  /** The types with a codec constant, the durable methods' results, each once. */
  public List<CodecType> results() {
    return List.copyOf(results.values());
  }

  /** Every type the codecs write, each once, in the order first reached; each gets a write and a read method. */
  public List<CodecType> types() {
    return List.copyOf(shapes.values());
  }

  /** The records' components. */
  public CodecCatalog catalog() {
    return catalog;
  }

  /** The unique name part of a type's methods and constant: {@code ListOfDoc}. */
  public String name(CodecType type) {
    String name = names.get(type.shape());
    if (name == null) {
      throw new IllegalArgumentException("no codec for " + type.shape() + " in this plan");
    }
    return name;
  }

  /** The constant holding the codec of a result type: {@code LIST_OF_DOC}. */
  public String constant(CodecType type) {
    StringBuilder constant = new StringBuilder();
    String name = name(type);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && name.charAt(i - 1) != '_') {
        constant.append('_');
      }
      constant.append(Character.toUpperCase(c));
    }
    return constant.toString();
  }

  private void add(CodecType type) {
    if (shapes.putIfAbsent(type.shape(), type) != null) {
      return;
    }
    if (type instanceof CodecType.RecordType record) {
      for (CodecType.Component component : catalog.components(record.name())) {
        add(component.type());
      }
    } else if (type instanceof CodecType.Container container) {
      add(container.element());
    } else if (type instanceof CodecType.MapType map) {
      add(map.key());
      add(map.value());
    }
  }
}
