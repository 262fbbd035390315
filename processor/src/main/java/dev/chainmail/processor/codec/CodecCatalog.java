package dev.chainmail.processor.codec;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every record a chain's codecs write, with its components: the definitions that {@link CodecType.RecordType}
 * refers to by name. Built once per chain by {@link CodecTypeReader}; immutable once read.
 */
public final class CodecCatalog {

  private final Map<ClassName, List<CodecType.Component>> records;

  CodecCatalog(Map<ClassName, List<CodecType.Component>> records) {
    this.records = Collections.unmodifiableMap(new LinkedHashMap<>(records));
  }

  /** The components of a record the catalog holds. */
  public List<CodecType.Component> components(ClassName record) {
    List<CodecType.Component> components = records.get(record);
    if (components == null) {
      throw new IllegalArgumentException("no record " + record + " in the codec catalog");
    }
    return components;
  }

  /**
   * The full schema of a type: its shape, followed by the definition of every record it reaches, each once, so
   * that a change to any record it contains changes the schema, and with it the hash a stored value carries.
   */
  public String schema(CodecType type) {
    StringBuilder schema = new StringBuilder(type.shape());
    Set<ClassName> seen = new LinkedHashSet<>();
    collect(type, seen);
    for (ClassName record : seen) {
      schema.append("; ").append(record.canonicalName()).append('(');
      List<String> parts = new ArrayList<>();
      for (CodecType.Component component : components(record)) {
        parts.add(component.name() + ": " + component.type().shape());
      }
      schema.append(String.join(", ", parts)).append(')');
    }
    return schema.toString();
  }

  private void collect(CodecType type, Set<ClassName> seen) {
    if (type instanceof CodecType.RecordType record) {
      if (seen.add(record.name())) {
        for (CodecType.Component component : components(record.name())) {
          collect(component.type(), seen);
        }
      }
    } else if (type instanceof CodecType.Container container) {
      collect(container.element(), seen);
    } else if (type instanceof CodecType.MapType map) {
      collect(map.key(), seen);
      collect(map.value(), seen);
    }
  }
}
