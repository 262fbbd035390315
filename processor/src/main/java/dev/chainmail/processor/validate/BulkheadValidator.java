package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.ChainMembers;
import dev.chainmail.processor.scan.GuardAnnotation;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** Checks one {@code @Bulkhead}, and that bulkheads sharing its name agree with it. */
public final class BulkheadValidator implements GuardValidator {

  private final AttributeChecks checks;
  private final SharedNames sharedNames;

  public BulkheadValidator(AttributeChecks checks, SharedNames sharedNames) {
    this.checks = checks;
    this.sharedNames = sharedNames;
  }

  @Override
  public void validate(ChainMembers members, Element element, AnnotationMirror bulkhead, ValidationReport report) {
    int value = checks.annotations().intValue(bulkhead, "value");
    if (value < 1) {
      report.error(element, bulkhead, "value", Message.BULKHEAD_VALUE, value);
    }
    OptionalLong maxWait = checks.duration(element, bulkhead, "maxWait", false, report);
    if (report.isClean()) {
      sharedNames.register(GuardAnnotation.BULKHEAD, checks.annotations().stringValue(bulkhead, "name"),
          "value=" + value + ", maxWait=" + AttributeChecks.canonical(maxWait), element, bulkhead, report);
    }
  }
}
