package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.ChainMembers;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** Checks one {@code @Timeout}: a duration of more than zero. */
public final class TimeoutValidator implements GuardValidator {

  private final AttributeChecks checks;

  public TimeoutValidator(AttributeChecks checks) {
    this.checks = checks;
  }

  @Override
  public void validate(ChainMembers members, Element element, AnnotationMirror timeout, ValidationReport report) {
    OptionalLong value = checks.duration(element, timeout, "value", false, report);
    if (value.isPresent() && value.getAsLong() == 0) {
      report.error(element, timeout, "value", Message.TIMEOUT_ZERO,
          checks.annotations().stringValue(timeout, "value"));
    }
  }
}
