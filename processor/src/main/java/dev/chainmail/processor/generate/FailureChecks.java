package dev.chainmail.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;

/** Writes exception classification as {@code instanceof} checks, so no {@code Class} is compared at run time. */
final class FailureChecks {

  private FailureChecks() {}

  /**
   * A condition that holds when {@code failure} must not be handled: it is an instance of none of {@code handled}
   * (empty meaning every failure is handled), or of one of {@code excluded}. Empty if every failure is handled.
   */
  static CodeBlock unhandled(String failure, List<ClassName> handled, List<ClassName> excluded) {
    CodeBlock.Builder condition = CodeBlock.builder();
    if (!handled.isEmpty()) {
      condition.add("!($L)", anyInstance(failure, handled));
    }
    if (!excluded.isEmpty()) {
      condition.add(handled.isEmpty() ? "$L" : "$W|| $L", anyInstance(failure, excluded));
    }
    return condition.build();
  }

  /**
   * The opposite of {@link #unhandled}, written positively for the predicates of asynchronous guards: a condition
   * that holds when {@code failure} is handled; {@code true} if every failure is.
   */
  static CodeBlock handled(String failure, List<ClassName> handled, List<ClassName> excluded) {
    if (handled.isEmpty() && excluded.isEmpty()) {
      return CodeBlock.of("true");
    }
    CodeBlock.Builder condition = CodeBlock.builder();
    if (!handled.isEmpty()) {
      condition.add(handled.size() == 1 || excluded.isEmpty() ? "$L" : "($L)", anyInstance(failure, handled));
    }
    if (!excluded.isEmpty()) {
      condition.add(handled.isEmpty() ? "!($L)" : "$W&& !($L)", anyInstance(failure, excluded));
    }
    return condition.build();
  }

  private static CodeBlock anyInstance(String failure, List<ClassName> classes) {
    CodeBlock.Builder any = CodeBlock.builder();
    for (int i = 0; i < classes.size(); i++) {
      any.add(i == 0 ? "$N instanceof $T" : "$W|| $N instanceof $T", failure, classes.get(i));
    }
    return any.build();
  }
}
