package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.ChainMembers;
import dev.chainmail.processor.scan.GuardAnnotation;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** Checks one {@code @RateLimit}, and that limits sharing its name agree with it. */
public final class RateLimitValidator implements GuardValidator {

  private final AttributeChecks checks;
  private final SharedNames sharedNames;

  public RateLimitValidator(AttributeChecks checks, SharedNames sharedNames) {
    this.checks = checks;
    this.sharedNames = sharedNames;
  }

  @Override
  public void validate(ChainMembers members, Element element, AnnotationMirror limit, ValidationReport report) {
    int value = checks.annotations().intValue(limit, "value");
    if (value < 1) {
      report.error(element, limit, "value", Message.RATE_LIMIT_VALUE, value);
    }
    OptionalLong window = checks.duration(element, limit, "window", false, report);
    if (window.isPresent() && window.getAsLong() == 0) {
      report.error(element, limit, "window", Message.RATE_LIMIT_WINDOW_ZERO,
          checks.annotations().stringValue(limit, "window"));
    }
    OptionalLong maxWait = checks.duration(element, limit, "maxWait", false, report);
    if (report.isClean()) {
      sharedNames.register(GuardAnnotation.RATE_LIMIT, checks.annotations().stringValue(limit, "name"),
          "value=" + value + ", window=" + AttributeChecks.canonical(window) + ", maxWait="
              + AttributeChecks.canonical(maxWait), element, limit, report);
    }
  }
}
