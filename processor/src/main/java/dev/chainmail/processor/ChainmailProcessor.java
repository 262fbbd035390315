package dev.chainmail.processor;

import com.google.auto.service.AutoService;
import dev.chainmail.processor.generate.ProxyGenerator;
import dev.chainmail.processor.generate.SourceWriter;
import dev.chainmail.processor.codec.CodecGenerator;
import dev.chainmail.processor.codec.UserCodecs;
import dev.chainmail.processor.model.ChainModel;
import dev.chainmail.processor.model.ChainModelFactory;
import dev.chainmail.processor.model.DurableSpecFactories;
import dev.chainmail.processor.model.FallbackSpecFactory;
import dev.chainmail.processor.model.GuardSpecFactories;
import dev.chainmail.processor.model.GuardSpecFactory;
import dev.chainmail.processor.model.ReplicaSpecFactories;
import dev.chainmail.processor.model.RetrySpecFactory;
import dev.chainmail.processor.model.SpecReader;
import dev.chainmail.processor.scan.AnnotationReader;
import dev.chainmail.processor.scan.ChainMembers;
import dev.chainmail.processor.scan.ChainMembersReader;
import dev.chainmail.processor.scan.ChainScanner;
import dev.chainmail.processor.scan.GuardAnnotation;
import dev.chainmail.processor.validate.AttributeChecks;
import dev.chainmail.processor.validate.BulkheadValidator;
import dev.chainmail.processor.validate.ChainValidator;
import dev.chainmail.processor.validate.CheckpointValidator;
import dev.chainmail.processor.validate.DurableTypes;
import dev.chainmail.processor.validate.CircuitBreakerValidator;
import dev.chainmail.processor.validate.FallbackResolver;
import dev.chainmail.processor.validate.FallbackValidator;
import dev.chainmail.processor.validate.GuardValidator;
import dev.chainmail.processor.validate.Message;
import dev.chainmail.processor.validate.RateLimitValidator;
import dev.chainmail.processor.validate.ReplicatedValidator;
import dev.chainmail.processor.validate.HeartbeatValidator;
import dev.chainmail.processor.validate.ChainMethodResolver;
import dev.chainmail.processor.validate.RetryValidator;
import dev.chainmail.processor.validate.RunIdValidator;
import dev.chainmail.processor.validate.StepKeyValidator;
import dev.chainmail.processor.validate.SharedNames;
import dev.chainmail.processor.validate.TimeoutValidator;
import dev.chainmail.processor.validate.UnresolvedTypes;
import dev.chainmail.processor.validate.ValidationReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Generates a resilient proxy for every chain type: a type with a guard annotation ({@link GuardAnnotation}) on it
 * or on its methods. Data flows one way: scan, validate, model, generate. A type with any error generates nothing,
 * and no exception ever reaches javac.
 *
 * <p>Each guard is a unit: its {@link GuardAnnotation} constant, a {@link GuardValidator}, a
 * {@link GuardSpecFactory} with its spec, and an emitter with its place in {@code GuardStage}. This class only
 * wires the units together.
 */
@AutoService(Processor.class)
public final class ChainmailProcessor extends AbstractProcessor {

  /** Generated proxies carry {@code @Generated}; claiming it keeps {@code -Xlint:processing} quiet. */
  private static final String GENERATED = "javax.annotation.processing.Generated";

  private Messager messager;
  private Elements elements;
  private ChainScanner scanner;
  private ChainMembersReader membersReader;
  private AnnotationReader annotations;
  private ChainValidator validator;
  private ChainModelFactory modelFactory;
  private final ProxyGenerator generator = new ProxyGenerator();
  private final CodecGenerator codecGenerator = new CodecGenerator();
  private SourceWriter writer;
  /** For each deferred type, the unresolved types that kept it back: reported if they never resolve. */
  private final Map<String, Set<String>> unresolvedByType = new LinkedHashMap<>();

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    messager = environment.getMessager();
    elements = environment.getElementUtils();
    Types types = environment.getTypeUtils();
    annotations = new AnnotationReader(elements);
    scanner = new ChainScanner(elements);
    membersReader = new ChainMembersReader(elements, types, annotations);
    FallbackResolver fallbackResolver = new FallbackResolver(elements, types);
    AttributeChecks checks = new AttributeChecks(annotations, types);
    SharedNames sharedNames = new SharedNames();
    Map<GuardAnnotation, GuardValidator> validators = new EnumMap<>(GuardAnnotation.class);
    ChainMethodResolver chainMethods = new ChainMethodResolver(elements, types);
    validators.put(GuardAnnotation.RETRY, new RetryValidator(checks, elements, types, chainMethods, sharedNames));
    validators.put(GuardAnnotation.FALLBACK, new FallbackValidator(checks, elements, types, fallbackResolver));
    validators.put(GuardAnnotation.REPLICATED, new ReplicatedValidator(checks, elements, types, chainMethods));
    validators.put(GuardAnnotation.HEARTBEAT, new HeartbeatValidator(checks));
    validators.put(GuardAnnotation.CIRCUIT_BREAKER, new CircuitBreakerValidator(checks, sharedNames));
    validators.put(GuardAnnotation.RATE_LIMIT, new RateLimitValidator(checks, sharedNames));
    validators.put(GuardAnnotation.TIMEOUT, new TimeoutValidator(checks));
    validators.put(GuardAnnotation.BULKHEAD, new BulkheadValidator(checks, sharedNames));
    UserCodecs userCodecs = new UserCodecs(annotations, types);
    DurableTypes durableTypes = new DurableTypes(elements, types, userCodecs);
    validators.put(GuardAnnotation.CHECKPOINT, new CheckpointValidator(annotations, types, userCodecs, durableTypes));
    validators.put(GuardAnnotation.RUN_ID, new RunIdValidator(annotations, durableTypes));
    validators.put(GuardAnnotation.STEP_KEY, new StepKeyValidator(annotations));
    validator = new ChainValidator(elements, validators);
    SpecReader reader = new SpecReader(annotations, types);
    Map<GuardAnnotation, GuardSpecFactory> specFactories = new EnumMap<>(GuardAnnotation.class);
    specFactories.put(GuardAnnotation.RETRY, new RetrySpecFactory(reader, chainMethods));
    specFactories.put(GuardAnnotation.FALLBACK, new FallbackSpecFactory(reader, fallbackResolver));
    specFactories.put(GuardAnnotation.REPLICATED, ReplicaSpecFactories.replicated(reader, chainMethods));
    specFactories.put(GuardAnnotation.HEARTBEAT, ReplicaSpecFactories.heartbeat(reader));
    specFactories.put(GuardAnnotation.CIRCUIT_BREAKER, GuardSpecFactories.circuitBreaker(reader));
    specFactories.put(GuardAnnotation.RATE_LIMIT, GuardSpecFactories.rateLimit(reader));
    specFactories.put(GuardAnnotation.TIMEOUT, GuardSpecFactories.timeout(reader));
    specFactories.put(GuardAnnotation.BULKHEAD, GuardSpecFactories.bulkhead(reader));
    DurableSpecFactories durable = new DurableSpecFactories(annotations, elements, types);
    specFactories.put(GuardAnnotation.CHECKPOINT, durable.checkpoint());
    specFactories.put(GuardAnnotation.RUN_ID, durable.entry());
    specFactories.put(GuardAnnotation.STEP_KEY, durable.stepKey());
    modelFactory = new ChainModelFactory(elements, types, specFactories, userCodecs);
    writer = new SourceWriter(environment.getFiler(), messager);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> supported = new LinkedHashSet<>();
    for (GuardAnnotation annotation : GuardAnnotation.values()) {
      supported.add(annotation.qualifiedName());
    }
    supported.add(GENERATED);
    return supported;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotationTypes, RoundEnvironment round) {
    for (TypeElement chain : scanner.chainTypes(round, annotationTypes)) {
      try {
        process(chain);
      } catch (RuntimeException | Error e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        messager.printMessage(Diagnostic.Kind.ERROR,
            Message.INTERNAL_ERROR.format(chain.getQualifiedName(), trace), chain);
      }
    }
    if (round.processingOver()) {
      reportNeverResolved();
    }
    return true;
  }

  private void process(TypeElement chain) {
    ChainMembers members = membersReader.read(chain);
    Set<String> unresolved = UnresolvedTypes.find(members);
    String name = chain.getQualifiedName().toString();
    if (!unresolved.isEmpty()) {
      unresolvedByType.put(name, unresolved);
      scanner.defer(chain);
      return;
    }
    unresolvedByType.remove(name);
    ValidationReport report = new ValidationReport(messager, annotations);
    validator.validate(members, report);
    if (report.isClean()) {
      ChainModel model = modelFactory.create(members);
      writer.write(generator.generate(model, chain), chain);
      codecGenerator.generate(model, chain).ifPresent(codecs -> writer.write(codecs, chain));
    }
  }

  private void reportNeverResolved() {
    for (String name : scanner.drainDeferred()) {
      TypeElement chain = elements.getTypeElement(name);
      Set<String> unresolved = unresolvedByType.get(name);
      if (chain != null && unresolved != null) {
        messager.printMessage(Diagnostic.Kind.ERROR,
            Message.TYPE_UNRESOLVED.format(name, String.join(", ", unresolved)), chain);
      }
    }
  }
}
