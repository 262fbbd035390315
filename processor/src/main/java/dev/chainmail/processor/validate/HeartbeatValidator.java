package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.AnnotationReader;
import dev.chainmail.processor.scan.ChainMembers;
import dev.chainmail.processor.scan.GuardAnnotation;
import dev.chainmail.processor.scan.GuardedElement;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Checks one {@code @Heartbeat}: an interface chain with replicas, one probe, its signature and its period. */
public final class HeartbeatValidator implements GuardValidator {

  private final AttributeChecks checks;
  private final AnnotationReader annotations;

  public HeartbeatValidator(AttributeChecks checks) {
    this.checks = checks;
    this.annotations = checks.annotations();
  }

  @Override
  public void validate(ChainMembers members, Element element, AnnotationMirror heartbeat, ValidationReport report) {
    ExecutableElement method = (ExecutableElement) element;
    if (!members.isInterface()) {
      report.error(method, heartbeat, Message.HEARTBEAT_CLASS, Describe.method(method),
          members.type().getQualifiedName());
      return;
    }
    for (GuardedElement other : members.guarded()) {
      if (other.method().equals(method)) {
        break;
      }
      if (other.annotation(GuardAnnotation.HEARTBEAT).isPresent()) {
        report.error(method, heartbeat, Message.HEARTBEAT_TWICE, Describe.method(other.method()),
            Describe.method(method));
        return;
      }
    }
    TypeMirror result = method.getReturnType();
    if (!method.getParameters().isEmpty()) {
      report.error(method, heartbeat, Message.HEARTBEAT_SIGNATURE, Describe.method(method), "takes parameters");
    } else if (result.getKind() != TypeKind.BOOLEAN && result.getKind() != TypeKind.VOID) {
      report.error(method, heartbeat, Message.HEARTBEAT_SIGNATURE, Describe.method(method),
          "returns " + Describe.type(result));
    }
    if (annotations.find(method, GuardAnnotation.REPLICATED.qualifiedName()).isPresent()) {
      report.error(method, heartbeat, Message.HEARTBEAT_REPLICATED, Describe.method(method));
    } else if (!members.replicated()) {
      report.error(method, heartbeat, Message.HEARTBEAT_WITHOUT_REPLICATED, Describe.method(method),
          members.type().getQualifiedName());
    }
    OptionalLong every = checks.duration(method, heartbeat, "every", false, report);
    if (every.isPresent() && every.getAsLong() == 0) {
      report.error(method, heartbeat, "every", Message.HEARTBEAT_EVERY_ZERO);
    }
  }

}
