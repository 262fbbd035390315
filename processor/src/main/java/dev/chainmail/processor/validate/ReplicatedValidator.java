package dev.chainmail.processor.validate;

import dev.chainmail.processor.scan.AnnotationReader;
import dev.chainmail.processor.scan.ChainMembers;
import dev.chainmail.processor.scan.GuardAnnotation;
import dev.chainmail.processor.scan.GuardedElement;
import dev.chainmail.processor.scan.ReplicatedAttributes;
import dev.chainmail.processor.scan.StageTypes;
import dev.chainmail.runtime.Durations;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one {@code @Replicated}: that its chain is an interface, its attributes as they apply to the method, and
 * that the replica set's detection knobs agree between the methods and the interface.
 */
public final class ReplicatedValidator implements GuardValidator {

  /** The attributes of {@code HEDGED} alone. */
  private static final List<String> HEDGE_KNOBS = List.of("hedgeDelay", "maxHedges", "hedgeBudget");
  /** The attributes of {@code QUORUM} alone. */
  private static final List<String> VOTE_KNOBS = List.of("quorum", "voteBy");

  private final AttributeChecks checks;
  private final AnnotationReader annotations;
  private final Elements elements;
  private final Types types;
  private final ChainMethodResolver chainMethods;

  public ReplicatedValidator(AttributeChecks checks, Elements elements, Types types,
      ChainMethodResolver chainMethods) {
    this.checks = checks;
    this.annotations = checks.annotations();
    this.elements = elements;
    this.types = types;
    this.chainMethods = chainMethods;
  }

  @Override
  public void validate(ChainMembers members, Element element, AnnotationMirror replicated, ValidationReport report) {
    if (!members.isInterface()) {
      report.error(element, replicated, Message.REPLICATED_CLASS, describe(element),
          members.type().getQualifiedName());
      return;
    }
    boolean onType = element.equals(members.type());
    if (onType || isFirstReplicated(members, element)) {
      checkAccessorsAreFree(members, report);
    }
    Optional<AnnotationMirror> type = onType ? Optional.empty() : typeAnnotation(members);
    ReplicatedAttributes attributes = new ReplicatedAttributes(annotations, replicated, type);
    checkStrategy(element, replicated, attributes, report);
    checkHedging(element, replicated, attributes, onType, report);
    checkVoting(element, replicated, attributes, onType, report);
    checkParallelMethods(members, element, replicated, attributes, onType, report);
    int ejectAfter = annotations.intValue(replicated, "ejectAfter");
    if (ejectAfter < 1) {
      report.error(element, replicated, "ejectAfter", Message.REPLICATED_EJECT_AFTER, ejectAfter);
    }
    OptionalLong ejectFor = positive(element, replicated, "ejectFor", report);
    OptionalLong maxEjectFor = positive(element, replicated, "maxEjectFor", report);
    if (ejectFor.isPresent() && maxEjectFor.isPresent() && maxEjectFor.getAsLong() < ejectFor.getAsLong()) {
      report.error(element, replicated, "maxEjectFor", Message.REPLICATED_MAX_EJECT_FOR,
          annotations.stringValue(replicated, "maxEjectFor"), annotations.stringValue(replicated, "ejectFor"));
    }
    int percent = annotations.intValue(replicated, "maxEjectedPercent");
    if (percent < 0 || percent > 100) {
      report.error(element, replicated, "maxEjectedPercent", Message.REPLICATED_EJECTED_PERCENT, percent);
    }
    checks.notEmpty(element, replicated, "failOn", Message.REPLICATED_FAIL_ON_EMPTY, report);
    checks.notExcluded(element, replicated, "failOn", "skipOn", Message.REPLICATED_FAIL_ON_SKIPPED, report);
    if (!onType && report.isClean()) {
      checkKnobsAgree(members, (ExecutableElement) element, replicated, type, report);
    }
  }

  /** {@code weights} with {@code WEIGHTED} only, and then at least 1 each, as they apply to the method. */
  private void checkStrategy(Element element, AnnotationMirror replicated, ReplicatedAttributes attributes,
      ValidationReport report) {
    String strategy = attributes.text("strategy");
    List<?> weights = (List<?>) attributes.value("weights").getValue();
    if (strategy.equals("WEIGHTED") && weights.isEmpty()) {
      report.error(element, replicated, attributes.source("strategy") == replicated ? "strategy" : "weights",
          Message.REPLICATED_WEIGHTS_MISSING);
      return;
    }
    if (!strategy.equals("WEIGHTED") && !weights.isEmpty()) {
      report.error(element, replicated, attributes.source("weights") == replicated ? "weights" : "strategy",
          Message.REPLICATED_WEIGHTS_UNUSED, strategy);
      return;
    }
    for (int i = 0; i < weights.size(); i++) {
      int weight = (Integer) ((AnnotationValue) weights.get(i)).getValue();
      if (weight < 1) {
        report.error(element, replicated, "weights", Message.REPLICATED_WEIGHT, weight, i);
      }
    }
  }

  /**
   * The knobs of {@code HEDGED}: only with that strategy as it applies to a method (an interface may give them as
   * defaults for its hedged methods), each in its range, and the exceptions a synchronous hedged method declares.
   */
  private void checkHedging(Element element, AnnotationMirror replicated, ReplicatedAttributes attributes,
      boolean onType, ValidationReport report) {
    String strategy = attributes.text("strategy");
    boolean hedged = strategy.equals("HEDGED");
    for (String knob : HEDGE_KNOBS) {
      if (!onType && !hedged && annotations.written(replicated, knob).isPresent()) {
        report.error(element, replicated, knob, Message.REPLICATED_HEDGE_UNUSED, knob, strategy, knob);
      }
    }
    int maxHedges = annotations.intValue(replicated, "maxHedges");
    if (maxHedges < 1) {
      report.error(element, replicated, "maxHedges", Message.REPLICATED_MAX_HEDGES, maxHedges);
    }
    double budget = annotations.doubleValue(replicated, "hedgeBudget");
    if (!(budget >= 0 && budget <= 1)) {
      report.error(element, replicated, "hedgeBudget", Message.REPLICATED_HEDGE_BUDGET, budget);
    }
    OptionalLong delay = checks.duration(element, replicated, "hedgeDelay", true, report);
    if (delay.isPresent() && delay.getAsLong() == 0) {
      report.error(element, replicated, "hedgeDelay", Message.REPLICATED_HEDGE_DELAY_ZERO);
    }
  }

  /** The knobs of {@code QUORUM}: only with that strategy as it applies to a method, and a quorum of at least 0. */
  private void checkVoting(Element element, AnnotationMirror replicated, ReplicatedAttributes attributes,
      boolean onType, ValidationReport report) {
    String strategy = attributes.text("strategy");
    for (String knob : VOTE_KNOBS) {
      if (!onType && !strategy.equals("QUORUM") && annotations.written(replicated, knob).isPresent()) {
        report.error(element, replicated, knob, Message.REPLICATED_VOTE_UNUSED, knob, strategy, knob);
      }
    }
    int quorum = annotations.intValue(replicated, "quorum");
    if (quorum < 0) {
      report.error(element, replicated, "quorum", Message.REPLICATED_QUORUM, quorum);
    }
  }

  /**
   * What depends on each method that calls several replicas at once: the exceptions a synchronous one declares,
   * and its {@code voteBy} method, which takes its result. For the interface's annotation, each method it covers.
   */
  private void checkParallelMethods(ChainMembers members, Element element, AnnotationMirror replicated,
      ReplicatedAttributes attributes, boolean onType, ValidationReport report) {
    String strategy = attributes.text("strategy");
    if (!strategy.equals("HEDGED") && !strategy.equals("QUORUM")) {
      return;
    }
    String voteBy = strategy.equals("QUORUM") ? attributes.text("voteBy") : "";
    if (!onType) {
      checkParallelMethod(members, (ExecutableElement) element, replicated, strategy, voteBy, report);
      return;
    }
    for (GuardedElement guarded : members.guarded()) {
      if (guarded.annotations().containsKey(GuardAnnotation.REPLICATED)
          && guarded.annotations().get(GuardAnnotation.REPLICATED).fromType()) {
        checkParallelMethod(members, guarded.method(), replicated, strategy, voteBy, report);
      }
    }
  }

  private void checkParallelMethod(ChainMembers members, ExecutableElement method, AnnotationMirror replicated,
      String strategy, String voteBy, ValidationReport report) {
    checkThrows(method, replicated, strategy, report);
    if (voteBy.isEmpty()) {
      return;
    }
    TypeElement chain = members.type();
    ChainMethodResolver.Resolution resolution = chainMethods.voteKey(chain, method, voteBy);
    String result = Describe.type(chainMethods.resultType(chain, method));
    if (resolution.named().isEmpty()) {
      report.error(method, replicated, "voteBy", Message.REPLICATED_VOTE_BY_MISSING, voteBy, chain.getSimpleName(),
          voteBy, result);
      return;
    }
    if (resolution.fitting().isEmpty()) {
      ExecutableElement first = resolution.named().get(0);
      report.error(method, replicated, "voteBy", Message.REPLICATED_VOTE_BY_SIGNATURE, voteBy, result,
          Describe.method(method), Describe.method(first), Describe.type(first.getReturnType()));
      return;
    }
    if (resolution.fitting().size() > 1) {
      report.error(method, replicated, "voteBy", Message.REPLICATED_VOTE_BY_UNCALLABLE, voteBy,
          "it is ambiguous, " + resolution.fitting().size() + " methods fit");
      return;
    }
    ExecutableElement target = resolution.fitting().get(0);
    String why = null;
    if (target.getModifiers().contains(Modifier.PRIVATE)) {
      why = Describe.method(target) + " is private";
    } else if (target.getModifiers().contains(Modifier.ABSTRACT)) {
      why = Describe.method(target) + " is abstract, so the proxy has no implementation of it to call";
    } else {
      for (TypeMirror thrown : target.getThrownTypes()) {
        if (!types.isAssignable(thrown, elements.getTypeElement("java.lang.RuntimeException").asType())
            && !types.isAssignable(thrown, elements.getTypeElement("java.lang.Error").asType())) {
          why = Describe.method(target) + " throws " + Describe.type(thrown);
        }
      }
    }
    if (why != null) {
      report.error(method, replicated, "voteBy", Message.REPLICATED_VOTE_BY_UNCALLABLE, voteBy, why);
    }
  }

  /**
   * A synchronous {@code HEDGED} or {@code QUORUM} method runs its replicas' calls as tasks, which can throw exceptions, not every
   * throwable: it cannot declare {@code throws Throwable}.
   */
  private void checkThrows(ExecutableElement method, AnnotationMirror replicated, String strategy,
      ValidationReport report) {
    if (StageTypes.isStage(method.getReturnType(), elements)) {
      return;
    }
    TypeMirror exception = elements.getTypeElement("java.lang.Exception").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (!types.isAssignable(thrown, exception) && !types.isAssignable(thrown, error)) {
        report.error(method, replicated, Message.REPLICATED_HEDGED_THROWS, strategy, Describe.method(method),
            Describe.type(thrown));
      }
    }
  }

  private OptionalLong positive(Element element, AnnotationMirror replicated, String attribute,
      ValidationReport report) {
    OptionalLong nanos = checks.duration(element, replicated, attribute, false, report);
    if (nanos.isPresent() && nanos.getAsLong() == 0) {
      report.error(element, replicated, attribute, Message.REPLICATED_DURATION_ZERO, attribute);
      return OptionalLong.empty();
    }
    return nanos;
  }

  /**
   * A knob the method writes must equal the interface's; without an interface-level annotation, every replicated
   * method's knobs, as they apply, must equal those of the first replicated method.
   */
  private void checkKnobsAgree(ChainMembers members, ExecutableElement method, AnnotationMirror replicated,
      Optional<AnnotationMirror> type, ValidationReport report) {
    ReplicatedAttributes mine = new ReplicatedAttributes(annotations, replicated, type);
    if (type.isPresent()) {
      for (String knob : ReplicatedAttributes.DETECTION_KNOBS) {
        if (annotations.written(replicated, knob).isPresent()
            && !canonical(knob, mine.text(knob)).equals(canonical(knob, annotations.value(type.get(), knob)
                .getValue().toString()))) {
          report.error(method, replicated, knob, Message.REPLICATED_KNOB_TYPE, knob, mine.text(knob),
              Describe.method(method), annotations.value(type.get(), knob).getValue(),
              members.type().getQualifiedName(), knob);
        }
      }
      return;
    }
    for (GuardedElement other : members.guarded()) {
      Optional<AnnotationMirror> theirs = other.annotation(GuardAnnotation.REPLICATED);
      if (theirs.isEmpty()) {
        continue;
      }
      if (other.method().equals(method)) {
        return;
      }
      ReplicatedAttributes first = new ReplicatedAttributes(annotations, theirs.get(), Optional.empty());
      for (String knob : ReplicatedAttributes.DETECTION_KNOBS) {
        if (!canonical(knob, mine.text(knob)).equals(canonical(knob, first.text(knob)))) {
          report.error(method, replicated, knob,
              Message.REPLICATED_KNOB_METHODS, knob, mine.text(knob), Describe.method(method), first.text(knob),
              Describe.method(other.method()));
        }
      }
      return;
    }
  }

  /** Durations compare by their value, so that {@code "30s"} and {@code "30000ms"} agree. */
  private static String canonical(String knob, String text) {
    if (knob.equals("ejectFor") || knob.equals("maxEjectFor")) {
      try {
        return AttributeChecks.canonical(OptionalLong.of(Durations.parseNanos(text)));
      } catch (IllegalArgumentException e) {
        return text;
      }
    }
    return text;
  }

  private Optional<AnnotationMirror> typeAnnotation(ChainMembers members) {
    return Optional.ofNullable(members.typeAnnotations().get(GuardAnnotation.REPLICATED));
  }

  private static boolean isFirstReplicated(ChainMembers members, Element element) {
    if (members.typeAnnotations().containsKey(GuardAnnotation.REPLICATED)) {
      return false;
    }
    for (GuardedElement guarded : members.guarded()) {
      if (guarded.annotation(GuardAnnotation.REPLICATED).isPresent()) {
        return guarded.method().equals(element);
      }
    }
    return false;
  }

  /** The names the proxy of a replicated chain adds: {@code replicaHealth()} and its static factories. */
  private static void checkAccessorsAreFree(ChainMembers members, ValidationReport report) {
    for (ExecutableElement method : ElementFilter.methodsIn(members.type().getEnclosedElements())) {
      String name = method.getSimpleName().toString();
      if (name.equals("replicaHealth") && method.getParameters().isEmpty()) {
        report.error(method, Message.REPLICATED_ACCESSOR_CLASH, members.type().getQualifiedName(),
            "replicaHealth()", "accessor");
      } else if (name.equals("replicated") || name.equals("restartable")) {
        report.error(method, Message.REPLICATED_ACCESSOR_CLASH, members.type().getQualifiedName(), name + "(...)",
            "static factory");
      }
    }
  }

  private static String describe(Element element) {
    return element instanceof ExecutableElement ? Describe.method((ExecutableElement) element) : "the type";
  }
}
