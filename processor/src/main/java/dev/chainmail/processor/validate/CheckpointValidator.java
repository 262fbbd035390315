package dev.chainmail.processor.validate;

import dev.chainmail.processor.codec.UserCodecs;
import dev.chainmail.processor.scan.AnnotationReader;
import dev.chainmail.processor.scan.ChainMembers;
import dev.chainmail.processor.scan.GuardAnnotation;
import dev.chainmail.processor.scan.GuardedElement;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/** Checks one {@code @Checkpoint} step: where it is, its name, its codec, and that its values can be encoded. */
public final class CheckpointValidator implements GuardValidator {

  private final AnnotationReader annotations;
  private final Types types;
  private final UserCodecs userCodecs;
  private final DurableTypes durableTypes;

  public CheckpointValidator(AnnotationReader annotations, Types types, UserCodecs userCodecs,
      DurableTypes durableTypes) {
    this.annotations = annotations;
    this.types = types;
    this.userCodecs = userCodecs;
    this.durableTypes = durableTypes;
  }

  @Override
  public void validate(ChainMembers members, Element element, AnnotationMirror checkpoint, ValidationReport report) {
    ExecutableElement method = (ExecutableElement) element;
    if (members.isInterface()) {
      report.error(method, checkpoint, Message.CHECKPOINT_INTERFACE, Describe.method(method),
          members.type().getQualifiedName());
      return;
    }
    GuardedElement guarded = guardedElement(members, method);
    if (guarded.annotation(GuardAnnotation.RUN_ID).isPresent()) {
      report.error(method, checkpoint, Message.CHECKPOINT_ON_ENTRY, Describe.method(method));
      return;
    }
    checkName(members, method, checkpoint, report);
    TypeMirror result = ((ExecutableType) types.asMemberOf((DeclaredType) members.type().asType(), method))
        .getReturnType();
    Optional<TypeMirror> codec = userCodecs.named(checkpoint);
    if (codec.isPresent()) {
      checkCodec(method, checkpoint, codec.get(), result, report);
    }
    durableTypes.check(members, method, checkpoint, codec.isEmpty(), Optional.empty(), report);
  }

  /** The step's name in the store: {@code name}, or the method's. */
  public static String stepName(AnnotationReader annotations, ExecutableElement method, AnnotationMirror checkpoint) {
    String name = annotations.stringValue(checkpoint, "name");
    return name.isEmpty() ? method.getSimpleName().toString() : name;
  }

  private void checkName(ChainMembers members, ExecutableElement method, AnnotationMirror checkpoint,
      ValidationReport report) {
    String name = stepName(annotations, method, checkpoint);
    for (GuardedElement other : members.guarded()) {
      if (other.method().equals(method)) {
        return;
      }
      Optional<AnnotationMirror> theirs = other.annotation(GuardAnnotation.CHECKPOINT);
      if (theirs.isPresent() && stepName(annotations, other.method(), theirs.get()).equals(name)) {
        report.error(method, checkpoint, "name", Message.CHECKPOINT_NAME_TAKEN, name, Describe.method(other.method()));
        return;
      }
    }
  }

  private void checkCodec(ExecutableElement method, AnnotationMirror checkpoint, TypeMirror codec, TypeMirror result,
      ValidationReport report) {
    String codecName = Describe.type(codec);
    if (DurableTypes.isVoid(result)) {
      report.error(method, checkpoint, "codec", Message.CHECKPOINT_CODEC_VOID, codecName, Describe.method(method));
      return;
    }
    TypeMirror wanted = durableTypes.boxed(result);
    Optional<TypeMirror> written = userCodecs.valueType(codec);
    if (written.isEmpty() || !types.isSameType(written.get(), wanted)) {
      report.error(method, checkpoint, "codec", Message.CHECKPOINT_CODEC_TYPE, codecName, Describe.type(wanted),
          Describe.method(method));
      return;
    }
    TypeElement codecClass = (TypeElement) types.asElement(codec);
    if (!instantiable(codecClass)) {
      report.error(method, checkpoint, "codec", Message.CHECKPOINT_CODEC_CONSTRUCTOR, codecName);
    }
  }

  private static boolean instantiable(TypeElement codec) {
    if (!codec.getModifiers().contains(Modifier.PUBLIC) || codec.getModifiers().contains(Modifier.ABSTRACT)
        || !codec.getTypeParameters().isEmpty()) {
      return false;
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(codec.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty() && constructor.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }

  private static GuardedElement guardedElement(ChainMembers members, ExecutableElement method) {
    for (GuardedElement guarded : members.guarded()) {
      if (guarded.method().equals(method)) {
        return guarded;
      }
    }
    throw new IllegalStateException(method + " is not a guarded method of " + members.type());
  }
}
