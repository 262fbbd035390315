package dev.chainmail.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.chainmail.processor.validate.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic in {@link Message}: each checks the text, the file and the line of the error, and that
 * no proxy was generated for the invalid type.
 */
class CompileErrorTest {

  private JavaFileObject[] sources;

  private Compilation compile(JavaFileObject... sources) {
    this.sources = sources;
    return Compiler.javac().withProcessors(new ChainmailProcessor()).withOptions("-Xlint:all").compile(sources);
  }

  /**
   * Compiles the last sources again, recording every source file the processor asks to write. javac runs no more
   * rounds after an error, so only the file manager can tell whether a proxy was written.
   */
  private Set<String> writtenSources() {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Set<String> written = new TreeSet<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
    JavaFileManager recording = new ForwardingJavaFileManager<>(standard) {
      @Override
      public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
          FileObject sibling) {
        if (kind == JavaFileObject.Kind.SOURCE) {
          written.add(className);
        }
        StringWriter text = new StringWriter();
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
            kind) {
          @Override
          public OutputStream openOutputStream() {
            return new ByteArrayOutputStream();
          }

          @Override
          public Writer openWriter() {
            return text;
          }

          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text.toString();
          }
        };
      }
    };
    JavaCompiler.CompilationTask task = javac.getTask(null, recording, diagnostic -> { }, List.of("-proc:only"),
        null, List.of(sources));
    task.setProcessors(List.of(new ChainmailProcessor()));
    task.call();
    return written;
  }

  /** Checks that no proxy was written, valid or not. */
  private void assertNoProxy() {
    assertEquals(Set.of(), writtenSources(), "proxies written for an invalid chain");
  }

  private static JavaFileObject chain(String... lines) {
    List<String> source = new ArrayList<>(List.of(
        "package test;",
        "",
        "import dev.chainmail.Bulkhead;",
        "import dev.chainmail.Checkpoint;",
        "import dev.chainmail.CircuitBreaker;",
        "import dev.chainmail.Fallback;",
        "import dev.chainmail.Heartbeat;",
        "import dev.chainmail.RateLimit;",
        "import dev.chainmail.Replicated;",
        "import dev.chainmail.Retry;",
        "import dev.chainmail.RunId;",
        "import dev.chainmail.StepKey;",
        "import dev.chainmail.Timeout;",
        "import dev.chainmail.runtime.checkpoint.Codec;",
        "import java.util.List;",
        "import java.io.*;"));
    source.addAll(List.of(lines));
    return JavaFileObjects.forSourceLines("test.Chain", source);
  }

  /** Compiles one chain, and checks it fails with exactly one error, at the line, and generates nothing. */
  private void assertError(String message, String line, String... lines) {
    JavaFileObject source = chain(lines);
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertNoProxy();
  }

  // ---- the chain type ----

  @Test
  void enumChain() {
    assertError("test.Chain is an enum, and the generated proxy must extend its chain class",
        "enum Chain", "public enum Chain { A; @Retry public void run() {} }");
  }

  @Test
  void recordChain() {
    assertError("test.Chain is a record, and records are final", "record Chain",
        "public record Chain(int x) { @Retry public void run() {} }");
  }

  @Test
  void annotationTypeChain() {
    assertError("test.Chain is an annotation type, which cannot be a chain type", "@interface Chain",
        "public @interface Chain { @Retry int run(); }");
  }

  @Test
  void finalClass() {
    assertError("test.Chain is final, so the generated proxy cannot extend it. Remove 'final'", "final class Chain",
        "public final class Chain { @Retry public void run() {} }");
  }

  @Test
  void innerClass() {
    assertError("test.Chain.Inner is an inner (non-static nested) class", "class Inner",
        "public class Chain {",
        "  public class Inner { @Retry public void run() {} }",
        "}");
  }

  @Test
  void privateNestedClass() {
    assertError("test.Chain.Hidden is private, or nested in a private type, so the generated proxy in package test",
        "class Hidden",
        "public class Chain {",
        "  private static class Hidden { @Retry public void run() {} }",
        "}");
  }

  @Test
  void classNestedInPrivateClass() {
    assertError("test.Chain.Hidden.Visible is private, or nested in a private type", "class Visible",
        "public class Chain {",
        "  private static class Hidden {",
        "    static class Visible { @Retry public void run() {} }",
        "  }",
        "}");
  }

  @Test
  void noAccessibleConstructor() {
    assertError("test.Chain has no constructor the generated proxy can call: all of them are private",
        "class Chain",
        "public class Chain {",
        "  private Chain() {}",
        "  @Retry public void run() {}",
        "}");
  }

  @Test
  void abstractClassWithAbstractMethod() {
    assertError("test.Chain is abstract and does not implement call(), so the generated proxy would be abstract",
        "abstract class Chain",
        "public abstract class Chain {",
        "  @Retry public void run() {}",
        "  public abstract String call();",
        "}");
  }

  @Test
  void abstractClassWithoutAbstractMethodsIsFine() {
    Compilation compilation = compile(chain(
        "public abstract class Chain {",
        "  @Retry public void run() {}",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.ResilientChain");
  }

  @Test
  void constructorTakingContextFirst() {
    assertError("the constructor Chain(dev.chainmail.runtime.ChainmailContext, int) takes a ChainmailContext first",
        "public Chain(dev.chainmail",
        "public class Chain {",
        "  public Chain(dev.chainmail.runtime.ChainmailContext context, int x) {}",
        "  @Retry public void run() {}",
        "}");
  }

  @Test
  void typeThatNeverResolves() {
    JavaFileObject source = chain(
        "public class Chain {",
        "  @Retry public Missing run() { return null; }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("the proxy for test.Chain was not generated, because these types could not be resolved: "
            + "Missing")
        .inFile(source).onLineContaining("class Chain");
    assertNoProxy();
  }

  @Test
  void proxyNameTaken() {
    JavaFileObject chain = chain("public class Chain { @Retry public void run() {} }");
    JavaFileObject taken = JavaFileObjects.forSourceLines("test.ResilientChain",
        "package test;", "public class ResilientChain {}");
    Compilation compilation = compile(chain, taken);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("cannot write test.ResilientChain, the proxy of test.Chain: a type of that name already "
            + "exists. Rename that type.")
        .inFile(chain).onLineContaining("class Chain");
  }

  // ---- the guarded method ----

  @Test
  void privateMethod() {
    assertError("@Retry cannot be used on private method run(): the generated proxy must override it",
        "private void run",
        "public class Chain {",
        "  @Retry private void run() {}",
        "}");
  }

  @Test
  void staticMethod() {
    assertError("@Fallback cannot be used on static method run(): a static method cannot be overridden",
        "static void run",
        "public class Chain {",
        "  @Fallback(method = \"other\") public static void run() {}",
        "  static void other() {}",
        "}");
  }

  @Test
  void finalMethod() {
    assertError("@Retry cannot be used on final method charge(): the generated proxy must override it. Remove "
        + "'final', or move the annotation.", "final String charge",
        "public class Chain {",
        "  @Retry public final String charge() { return \"\"; }",
        "}");
  }

  @Test
  void abstractMethodOfClass() {
    JavaFileObject source = chain(
        "public abstract class Chain {",
        "  @Retry public abstract String call();",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("@Retry cannot be used on abstract method call() of a class: the generated proxy calls "
            + "the method it overrides, which has no body")
        .inFile(source).onLineContaining("abstract String call");
  }

  @Test
  void typeLevelRetrySkipsWhatItCannotOverride() {
    Compilation compilation = compile(chain(
        "@Retry public class Chain {",
        "  public final void a() {}",
        "  public static void b() {}",
        "  void c() {}",
        "  public void d() {}",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.ResilientChain")
        .contentsAsUtf8String().doesNotContain("void a()");
  }

  // ---- @Retry ----

  @Test
  void maxAttemptsBelowOne() {
    assertError("@Retry maxAttempts is 0, but it counts the first call too, so it must be at least 1",
        "maxAttempts = 0",
        "public class Chain {",
        "  @Retry(maxAttempts = 0)",
        "  public void run() {}",
        "}");
  }

  @Test
  void multiplierBelowOne() {
    assertError("@Retry multiplier is 0.5, but pauses cannot shrink", "multiplier = 0.5",
        "public class Chain {",
        "  @Retry(multiplier = 0.5)",
        "  public void run() {}",
        "}");
  }

  @Test
  void jitterAboveOne() {
    assertError("@Retry jitter is 1.5, but it is the fraction by which each pause varies, so it must be in [0, 1]",
        "jitter = 1.5",
        "public class Chain {",
        "  @Retry(jitter = 1.5)",
        "  public void run() {}",
        "}");
  }

  @Test
  void jitterBelowZero() {
    assertError("@Retry jitter is -0.1", "jitter = -0.1",
        "public class Chain {",
        "  @Retry(jitter = -0.1)",
        "  public void run() {}",
        "}");
  }

  @Test
  void maxDelayShorterThanDelay() {
    assertError("@Retry maxDelay \"1s\" is shorter than delay \"2s\", so every pause would be cut to maxDelay",
        "maxDelay = \"1s\"",
        "public class Chain {",
        "  @Retry(delay = \"2s\",",
        "      maxDelay = \"1s\")",
        "  public void run() {}",
        "}");
  }

  @Test
  void zeroMaxDuration() {
    assertError("@Retry maxDuration \"0ms\" is zero, which allows no retry at all", "maxDuration",
        "public class Chain {",
        "  @Retry(maxDuration = \"0ms\")",
        "  public void run() {}",
        "}");
  }

  @Test
  void negativeRetryBudget() {
    assertError("@Retry budget is -0.5, but it is the retries allowed per call, so it must be at least 0", "budget",
        "public class Chain {",
        "  @Retry(budget = -0.5)",
        "  public void run() {}",
        "}");
  }

  @Test
  void retryNameWithoutABudget() {
    assertError("@Retry name \"llm\" names a shared retry budget, but this @Retry sets no budget", "name",
        "public class Chain {",
        "  @Retry(name = \"llm\")",
        "  public void run() {}",
        "}");
  }

  @Test
  void retryBudgetsSharingANameDiffer() {
    JavaFileObject source = chain(
        "public class Chain {",
        "  @Retry(budget = 0.1, name = \"llm\") public void first() {}",
        "  @Retry(budget = 0.2, name = \"llm\") public void second() {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("@Retry name \"llm\" is also used on").inFile(source)
        .onLineContaining("second");
    assertNoProxy();
  }

  @Test
  void retryOnResultOfAVoidMethod() {
    assertError("@Retry retryOnResult \"bad\" cannot test the result of run(), which returns void", "retryOnResult",
        "public class Chain {",
        "  @Retry(retryOnResult = \"bad\")",
        "  public void run() {}",
        "  boolean bad(Object result) { return false; }",
        "}");
  }

  @Test
  void retryOnResultMissing() {
    assertError("@Retry retryOnResult \"isEmpty\" is not a method of Chain. Declare boolean isEmpty(String result)",
        "retryOnResult",
        "public class Chain {",
        "  @Retry(retryOnResult = \"isEmpty\")",
        "  public String answer() { return \"\"; }",
        "}");
  }

  @Test
  void retryOnResultWithTheWrongSignature() {
    assertError("@Retry retryOnResult \"isEmpty\" must take one parameter that can hold the String that answer() "
        + "returns, and return boolean, but it is isEmpty(int) returning boolean", "retryOnResult",
        "public class Chain {",
        "  @Retry(retryOnResult = \"isEmpty\")",
        "  public String answer() { return \"\"; }",
        "  boolean isEmpty(int length) { return length == 0; }",
        "}");
  }

  @Test
  void retryOnResultOnTheTypeCoversEveryMethod() {
    assertError("@Retry retryOnResult \"isEmpty\" cannot test the result of log(), which returns void",
        "retryOnResult",
        "@Retry(retryOnResult = \"isEmpty\")",
        "public class Chain {",
        "  public String answer() { return \"\"; }",
        "  public void log() {}",
        "  public static boolean isEmpty(Object result) { return result == null; }",
        "}");
  }

  @Test
  void retryOnResultIsTheGuardedMethod() {
    assertError("@Retry retryOnResult \"check\" is the guarded method itself", "retryOnResult",
        "public class Chain {",
        "  @Retry(retryOnResult = \"check\")",
        "  public boolean check(boolean value) { return value; }",
        "}");
  }

  @Test
  void retryOnResultAmbiguous() {
    assertError("@Retry retryOnResult \"isEmpty\" is ambiguous: Chain has isEmpty(String) and isEmpty(Object)",
        "retryOnResult",
        "public class Chain {",
        "  @Retry(retryOnResult = \"isEmpty\")",
        "  public String answer() { return \"\"; }",
        "  boolean isEmpty(String result) { return result.isEmpty(); }",
        "  boolean isEmpty(Object result) { return result == null; }",
        "}");
  }

  @Test
  void retryOnResultPrivate() {
    assertError("@Retry retryOnResult method isEmpty(String) is private, so the generated proxy cannot call it",
        "retryOnResult",
        "public class Chain {",
        "  @Retry(retryOnResult = \"isEmpty\")",
        "  public String answer() { return \"\"; }",
        "  private boolean isEmpty(String result) { return result.isEmpty(); }",
        "}");
  }

  @Test
  void retryOnResultThrowsACheckedException() {
    assertError("@Retry retryOnResult method isEmpty(String) throws the checked java.io.IOException",
        "retryOnResult",
        "public class Chain {",
        "  @Retry(retryOnResult = \"isEmpty\")",
        "  public String answer() { return \"\"; }",
        "  boolean isEmpty(String result) throws IOException { return result.isEmpty(); }",
        "}");
  }

  @Test
  void delayFromMissing() {
    assertError("@Retry delayFrom \"waitFor\" is not a method of Chain. Declare java.time.Duration waitFor(Exception "
        + "failure)", "delayFrom",
        "public class Chain {",
        "  @Retry(delayFrom = \"waitFor\")",
        "  public String answer() { return \"\"; }",
        "}");
  }

  @Test
  void delayFromWithTheWrongSignature() {
    assertError("@Retry delayFrom \"retryAfter\" must take one Throwable parameter and return java.time.Duration, "
        + "but it is retryAfter(java.io.IOException) returning long", "delayFrom",
        "public class Chain {",
        "  @Retry(delayFrom = \"retryAfter\")",
        "  public String answer() { return \"\"; }",
        "  long retryAfter(IOException failure) { return 0; }",
        "}");
  }

  @Test
  void delayFromPrivate() {
    assertError("@Retry delayFrom method retryAfter(java.io.IOException) is private", "delayFrom",
        "public class Chain {",
        "  @Retry(delayFrom = \"retryAfter\")",
        "  public String answer() { return \"\"; }",
        "  private java.time.Duration retryAfter(IOException failure) { return null; }",
        "}");
  }

  @Test
  void malformedDelay() {
    assertError("@Retry delay is not a valid duration: '2 seconds' is not a duration: the unit ' seconds' is "
        + "unknown; use a whole number with a unit (ns, us, ms, s, m, h), such as \"250ms\"",
        "2 seconds",
        "public class Chain {",
        "  @Retry(delay = \"2 seconds\")",
        "  public void run() {}",
        "}");
  }

  @Test
  void negativeDelay() {
    assertError("@Retry delay is not a valid duration: '-5ms' is negative", "-5ms",
        "public class Chain {",
        "  @Retry(delay = \"-5ms\")",
        "  public void run() {}",
        "}");
  }

  @Test
  void malformedMaxDuration() {
    assertError("@Retry maxDuration is not a valid duration: 'PT1X' is not a duration", "PT1X",
        "public class Chain {",
        "  @Retry(maxDuration = \"PT1X\")",
        "  public void run() {}",
        "}");
  }

  @Test
  void malformedDurationOnTypeLevelRetry() {
    assertError("@Retry maxDelay is not a valid duration: 'soon' is not a duration", "soon",
        "@Retry(maxDelay = \"soon\")",
        "public class Chain {",
        "  public void run() {}",
        "}");
  }

  @Test
  void emptyRetryOn() {
    assertError("@Retry retryOn is empty, so no failure would ever be retried", "retryOn = {}",
        "public class Chain {",
        "  @Retry(retryOn = {})",
        "  public void run() {}",
        "}");
  }

  @Test
  void retryOnCoveredByAbortOn() {
    assertError("@Retry retryOn java.io.FileNotFoundException is covered by abortOn java.io.IOException, so it "
            + "would never be retried", "retryOn",
        "public class Chain {",
        "  @Retry(retryOn = FileNotFoundException.class, abortOn = IOException.class)",
        "  public void run() throws IOException {}",
        "}");
  }

  @Test
  void retryOnEqualToAbortOn() {
    assertError("@Retry retryOn java.io.IOException is covered by abortOn java.io.IOException", "retryOn",
        "public class Chain {",
        "  @Retry(retryOn = IOException.class, abortOn = IOException.class)",
        "  public void run() throws IOException {}",
        "}");
  }

  @Test
  void narrowerAbortOnIsFine() {
    Compilation compilation = compile(chain(
        "public class Chain {",
        "  @Retry(retryOn = IOException.class, abortOn = FileNotFoundException.class)",
        "  public void run() throws IOException {}",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  // ---- @Fallback ----

  // ---- @CircuitBreaker, @RateLimit, @Timeout, @Bulkhead ----

  @Test
  void breakerWindowOfZeroCalls() {
    assertError("@CircuitBreaker requestVolumeThreshold is 0, but it is the size of the rolling window",
        "requestVolumeThreshold = 0",
        "public class Chain {",
        "  @CircuitBreaker(requestVolumeThreshold = 0)",
        "  public void run() {}",
        "}");
  }

  @Test
  void breakerFailureRatioAboveOne() {
    assertError("@CircuitBreaker failureRatio is 1.5, but it is the share of the window's calls",
        "failureRatio = 1.5",
        "public class Chain {",
        "  @CircuitBreaker(failureRatio = 1.5)",
        "  public void run() {}",
        "}");
  }

  @Test
  void breakerFailureRatioOfZero() {
    assertError("@CircuitBreaker failureRatio is 0.0, but",
        "failureRatio = 0",
        "public class Chain {",
        "  @CircuitBreaker(failureRatio = 0)",
        "  public void run() {}",
        "}");
  }

  @Test
  void breakerMalformedDelay() {
    assertError("@CircuitBreaker delay is not a valid duration: 'a while' is not a duration",
        "a while",
        "public class Chain {",
        "  @CircuitBreaker(delay = \"a while\")",
        "  public void run() {}",
        "}");
  }

  @Test
  void breakerSuccessThresholdOfZero() {
    assertError("@CircuitBreaker successThreshold is 0, but it counts the trial calls",
        "successThreshold = 0",
        "public class Chain {",
        "  @CircuitBreaker(successThreshold = 0)",
        "  public void run() {}",
        "}");
  }

  @Test
  void breakerMinimumCallsOfZero() {
    assertError("@CircuitBreaker minimumCalls is 0, but it counts the calls a time window must hold",
        "minimumCalls = 0",
        "public class Chain {",
        "  @CircuitBreaker(windowType = CircuitBreaker.WindowType.TIME, minimumCalls = 0)",
        "  public void run() {}",
        "}");
  }

  @Test
  void breakerMinimumCallsOnACountWindow() {
    assertError("@CircuitBreaker minimumCalls applies to a TIME window only",
        "minimumCalls = 5",
        "public class Chain {",
        "  @CircuitBreaker(minimumCalls = 5)",
        "  public void run() {}",
        "}");
  }

  @Test
  void breakerSlowCallThresholdOfZero() {
    assertError("@CircuitBreaker slowCallThreshold \"0ms\" is zero, so every call would be slow",
        "0ms",
        "public class Chain {",
        "  @CircuitBreaker(slowCallThreshold = \"0ms\")",
        "  public void run() {}",
        "}");
  }

  @Test
  void breakerMalformedSlowCallThreshold() {
    assertError("@CircuitBreaker slowCallThreshold is not a valid duration: 'slow' is not a duration",
        "\"slow\"",
        "public class Chain {",
        "  @CircuitBreaker(slowCallThreshold = \"slow\")",
        "  public void run() {}",
        "}");
  }

  @Test
  void breakerSlowCallRatioOutOfRange() {
    assertError("@CircuitBreaker slowCallRatio is 2.0, but it is the share of the window's calls that must be slow",
        "slowCallRatio = 2",
        "public class Chain {",
        "  @CircuitBreaker(slowCallThreshold = \"1s\", slowCallRatio = 2)",
        "  public void run() {}",
        "}");
  }

  @Test
  void breakerSlowCallRatioWithoutThreshold() {
    assertError("@CircuitBreaker slowCallRatio is set, but no slowCallThreshold says which calls are slow",
        "slowCallRatio = 0.5",
        "public class Chain {",
        "  @CircuitBreaker(slowCallRatio = 0.5)",
        "  public void run() {}",
        "}");
  }

  @Test
  void breakerEmptyFailOn() {
    assertError("@CircuitBreaker failOn is empty, so no failure would ever open the breaker",
        "failOn = {}",
        "public class Chain {",
        "  @CircuitBreaker(failOn = {})",
        "  public void run() {}",
        "}");
  }

  @Test
  void breakerFailOnCoveredBySkipOn() {
    assertError("@CircuitBreaker failOn java.io.IOException is covered by skipOn Exception, so it would never count",
        "failOn = IOException.class",
        "public class Chain {",
        "  @CircuitBreaker(failOn = IOException.class, skipOn = Exception.class)",
        "  public void run() {}",
        "}");
  }

  @Test
  void invalidTypeLevelBreaker() {
    assertError("@CircuitBreaker failureRatio is 2.0",
        "failureRatio = 2",
        "@CircuitBreaker(failureRatio = 2)",
        "public class Chain {",
        "  public void run() {}",
        "}");
  }

  @Test
  void timeoutOfZero() {
    assertError("@Timeout \"0s\" is zero, so every attempt would time out at once",
        "\"0s\"",
        "public class Chain {",
        "  @Timeout(\"0s\")",
        "  public void run() {}",
        "}");
  }

  @Test
  void malformedTimeout() {
    assertError("@Timeout value is not a valid duration: 'forever' is not a duration",
        "forever",
        "public class Chain {",
        "  @Timeout(\"forever\")",
        "  public void run() {}",
        "}");
  }

  @Test
  void invalidTypeLevelTimeout() {
    assertError("@Timeout value is not a valid duration: '-1s' is negative",
        "-1s",
        "@Timeout(\"-1s\")",
        "public class Chain {",
        "  public void run() {}",
        "}");
  }

  @Test
  void bulkheadOfZeroCalls() {
    assertError("@Bulkhead value is 0, but it is the number of calls that may run at once",
        "@Bulkhead(0)",
        "public class Chain {",
        "  @Bulkhead(0)",
        "  public void run() {}",
        "}");
  }

  @Test
  void bulkheadMalformedMaxWait() {
    assertError("@Bulkhead maxWait is not a valid duration: '1 minute' is not a duration",
        "1 minute",
        "public class Chain {",
        "  @Bulkhead(maxWait = \"1 minute\")",
        "  public void run() {}",
        "}");
  }

  @Test
  void rateLimitOfZeroPermits() {
    assertError("@RateLimit value is 0, but it is the number of permits granted per window",
        "@RateLimit(0)",
        "public class Chain {",
        "  @RateLimit(0)",
        "  public void run() {}",
        "}");
  }

  @Test
  void rateLimitWindowOfZero() {
    assertError("@RateLimit window \"0s\" is zero, which holds no call",
        "window = \"0s\"",
        "public class Chain {",
        "  @RateLimit(value = 5, window = \"0s\")",
        "  public void run() {}",
        "}");
  }

  @Test
  void rateLimitMalformedWindow() {
    assertError("@RateLimit window is not a valid duration: '1 sec' is not a duration",
        "1 sec",
        "public class Chain {",
        "  @RateLimit(value = 5, window = \"1 sec\")",
        "  public void run() {}",
        "}");
  }

  @Test
  void rateLimitMalformedMaxWait() {
    assertError("@RateLimit maxWait is not a valid duration: '-1ms' is negative",
        "-1ms",
        "public class Chain {",
        "  @RateLimit(value = 5, maxWait = \"-1ms\")",
        "  public void run() {}",
        "}");
  }

  @Test
  void bulkheadOnPrivateMethod() {
    assertError("@Bulkhead cannot be used on private method run(): the generated proxy must override it",
        "@Bulkhead",
        "public class Chain {",
        "  @Bulkhead",
        "  private void run() {}",
        "}");
  }

  @Test
  void methodClashingWithTheBreakerAccessor() {
    assertError("test.Chain declares circuitBreaker(String), which clashes with the accessor the generated proxy adds",
        "circuitBreaker(String method)",
        "public class Chain {",
        "  @CircuitBreaker public void run() {}",
        "  @CircuitBreaker public void walk() {}",
        "  public String circuitBreaker(String method) { return method; }",
        "}");
  }

  @Test
  void breakersSharingANameWithDifferentConfigurations() {
    JavaFileObject source = chain(
        "public class Chain {",
        "  @CircuitBreaker(name = \"llm\", failureRatio = 0.5)",
        "  public void first() {}",
        "  @CircuitBreaker(name = \"llm\", failureRatio = 0.25)",
        "  public void second() {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("@CircuitBreaker name \"llm\" is also used on test.Chain.first() with "
        + "another configuration: requestVolumeThreshold=20, failureRatio=0.25").inFile(source)
        .onLineContaining("failureRatio = 0.25");
    assertThat(compilation).hadErrorContaining("@CircuitBreaker name \"llm\" is also used on test.Chain.second() "
        + "with another configuration: requestVolumeThreshold=20, failureRatio=0.5").inFile(source)
        .onLineContaining("failureRatio = 0.5)");
    assertNoProxy();
  }

  @Test
  void sharedNamesAreComparedAcrossChainsAndByValue() {
    JavaFileObject first = chain(
        "public class Chain {",
        "  @RateLimit(value = 5, window = \"1s\", name = \"openai\") public void run() {}",
        "  @Bulkhead(value = 4, name = \"pool\") public void work() {}",
        "}");
    JavaFileObject same = JavaFileObjects.forSourceLines("test.Same", "package test;",
        "public class Same {",
        "  @dev.chainmail.RateLimit(value = 5, window = \"1000ms\", name = \"openai\") public void run() {}",
        "}");
    JavaFileObject other = JavaFileObjects.forSourceLines("test.Other", "package test;",
        "public class Other {",
        "  @dev.chainmail.Bulkhead(value = 8, name = \"pool\") public void work() {}",
        "}");
    Compilation compilation = compile(first, same, other);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("@Bulkhead name \"pool\" is also used on test.Chain.work() with "
        + "another configuration: value=8, maxWait=0ms here, value=4, maxWait=0ms there").inFile(other)
        .onLineContaining("value = 8");
    assertThat(compilation).hadErrorContaining("@Bulkhead name \"pool\" is also used on test.Other.work()")
        .inFile(first).onLineContaining("value = 4");
  }

  // ---- @Checkpoint, @RunId, @StepKey ----

  @Test
  void checkpointOnAnInterface() {
    assertError("@Checkpoint cannot be used on search(String) of interface test.Chain: an interface proxy wraps a delegate",
        "@Checkpoint",
        "public interface Chain {",
        "  @Checkpoint",
        "  String search(String topic);",
        "}");
  }

  @Test
  void checkpointOnAnEntry() {
    assertError("@Checkpoint cannot be used on run(String), which is a run's entry",
        "@Checkpoint",
        "public class Chain {",
        "  @Checkpoint",
        "  public String run(@RunId String id) { return id; }",
        "}");
  }

  @Test
  void twoStepsOfOneName() {
    assertError("@Checkpoint name \"search\" is already the name of step search(String) in this chain",
        "name = \"search\"",
        "public class Chain {",
        "  @Checkpoint public String search(String topic) { return topic; }",
        "  @Checkpoint(name = \"search\") public String find(String topic) { return topic; }",
        "}");
  }

  @Test
  void resultWithoutACodec() {
    assertError("search(String) returns Thread, which a durable step cannot record: java.lang.Thread is not a string, primitive, byte[], enum, record, List, Set, Map or Optional. Give the step a codec with @Checkpoint(codec = ...), a class implementing Codec<Thread>",
        "@Checkpoint",
        "public class Chain {",
        "  @Checkpoint",
        "  public Thread search(String topic) { return null; }",
        "}");
  }

  @Test
  void argumentWithoutACodec() {
    assertError("parameter topic of search(Object) has type Object, which a durable step cannot fingerprint: java.lang.Object is not a string",
        "Object topic",
        "public class Chain {",
        "  @Checkpoint",
        "  public String search(Object topic) { return null; }",
        "}");
  }

  @Test
  void wildcardTypeArgument() {
    assertError("search(String) returns java.util.List<? extends Number>, which a durable step cannot record: the type argument ? extends java.lang.Number is not a concrete type",
        "@Checkpoint",
        "public class Chain {",
        "  @Checkpoint",
        "  public List<? extends Number> search(String topic) { return null; }",
        "}");
  }

  @Test
  void recordOutOfReach() {
    assertError("search(String) returns test.Chain.Doc, which a durable step cannot record: test.Chain.Doc cannot be reached from package test",
        "@Checkpoint",
        "public class Chain {",
        "  private record Doc(String title) {}",
        "  @Checkpoint",
        "  Doc search(String topic) { return null; }",
        "}");
  }

  @Test
  void codecOfTheWrongType() {
    assertError("@Checkpoint codec test.Chain.Numbers does not implement Codec<String>, so it cannot record what search(String) returns",
        "codec = Numbers.class",
        "public class Chain {",
        "  public static final class Numbers implements Codec<Integer> {",
        "    public byte[] encode(Integer value) { return new byte[0]; }",
        "    public Integer decode(byte[] bytes) { return 0; }",
        "  }",
        "  @Checkpoint(codec = Numbers.class)",
        "  public String search(String topic) { return topic; }",
        "}");
  }

  @Test
  void codecOfAVoidStep() {
    assertError("@Checkpoint codec test.Chain.Texts is given for notify(String), which is void and records no value",
        "codec = Texts.class",
        "public class Chain {",
        "  public static final class Texts implements Codec<String> {",
        "    public byte[] encode(String value) { return new byte[0]; }",
        "    public String decode(byte[] bytes) { return \"\"; }",
        "  }",
        "  @Checkpoint(codec = Texts.class)",
        "  public void notify(String topic) {}",
        "}");
  }

  @Test
  void codecWithoutAPublicConstructor() {
    assertError("@Checkpoint codec test.Chain.Texts needs to be a public, non-abstract class with a public constructor that takes no arguments",
        "codec = Texts.class",
        "public class Chain {",
        "  public static final class Texts implements Codec<String> {",
        "    Texts(int unused) {}",
        "    public byte[] encode(String value) { return new byte[0]; }",
        "    public String decode(byte[] bytes) { return \"\"; }",
        "  }",
        "  @Checkpoint(codec = Texts.class)",
        "  public String search(String topic) { return topic; }",
        "}");
  }

  @Test
  void stepKeyOffAStep() {
    assertError("@StepKey on parameter part of search(String) does nothing, since search(String) is not a @Checkpoint step",
        "@StepKey",
        "public class Chain {",
        "  @Retry",
        "  public String search(@StepKey String part) { return part; }",
        "}");
  }

  @Test
  void stepKeyOfAnotherType() {
    assertError("@StepKey parameter part has type double, but a step key must be a String, int or long",
        "@StepKey",
        "public class Chain {",
        "  @Checkpoint",
        "  public String search(@StepKey double part) { return null; }",
        "}");
  }

  @Test
  void twoStepKeys() {
    assertError("@StepKey is on both a and b of search(int, int), but one parameter names a step's occurrence",
        "@StepKey int b",
        "public class Chain {",
        "  @Checkpoint",
        "  public String search(@StepKey int a,",
        "      @StepKey int b) { return null; }",
        "}");
  }

  @Test
  void runIdOfAnotherType() {
    assertError("@RunId parameter id has type long, but a run id is a String",
        "@RunId",
        "public class Chain {",
        "  public String run(@RunId long id) { return null; }",
        "}");
  }

  @Test
  void twoRunIds() {
    assertError("@RunId is on both id and other of run(String, String), but a run has one id",
        "@RunId String other",
        "public class Chain {",
        "  public String run(@RunId String id,",
        "      @RunId String other) { return id; }",
        "}");
  }

  @Test
  void overloadedEntries() {
    assertError("run(String, int) is a second run entry named run in this chain",
        "int times",
        "public class Chain {",
        "  public String run(@RunId String id) { return id; }",
        "  public String run(@RunId String id, int times) { return id; }",
        "}");
  }

  @Test
  void chainDeclaresResume() {
    assertError("test.Chain declares resume(String), which clashes with the method the generated proxy adds to resume a run",
        "resume(String id)",
        "public class Chain {",
        "  public String run(@RunId String id) { return id; }",
        "  public Object resume(String id) { return id; }",
        "}");
  }

  @Test
  void emptyFallbackName() {
    assertError("@Fallback method is empty. Name a method of Chain that takes (String), optionally followed by a "
        + "Throwable", "method = \"\"",
        "public class Chain {",
        "  @Fallback(method = \"\")",
        "  public String run(String in) { return in; }",
        "}");
  }

  @Test
  void missingFallback() {
    assertError("@Fallback method \"cached\" is not a method of Chain. Declare String cached(String, int), or the "
        + "same with a last Throwable parameter", "cached",
        "public class Chain {",
        "  @Fallback(method = \"cached\")",
        "  public String run(String in, int n) { return in; }",
        "}");
  }

  @Test
  void fallbackWithWrongParameters() {
    assertError("@Fallback method \"cached\" has parameters (int), but a fallback for run(String) must take "
        + "(String), optionally followed by a Throwable", "method = \"cached\"",
        "public class Chain {",
        "  @Fallback(method = \"cached\")",
        "  public String run(String in) { return in; }",
        "  String cached(int n) { return \"\"; }",
        "}");
  }

  @Test
  void ambiguousFallback() {
    assertError("@Fallback method \"cached\" is ambiguous: Chain has both cached(String) and "
        + "cached(String, Throwable). Rename one of them.", "method = \"cached\"",
        "public class Chain {",
        "  @Fallback(method = \"cached\")",
        "  public String run(String in) { return in; }",
        "  String cached(String in) { return \"\"; }",
        "  String cached(String in, Throwable t) { return \"\"; }",
        "}");
  }

  @Test
  void fallbackIsTheGuardedMethod() {
    assertError("@Fallback method \"run\" is the guarded method itself", "method = \"run\"",
        "public class Chain {",
        "  @Fallback(method = \"run\")",
        "  public String run(String in) { return in; }",
        "}");
  }

  @Test
  void privateFallback() {
    assertError("@Fallback method cached(String) is private, so the generated proxy cannot call it",
        "method = \"cached\"",
        "public class Chain {",
        "  @Fallback(method = \"cached\")",
        "  public String run(String in) { return in; }",
        "  private String cached(String in) { return \"\"; }",
        "}");
  }

  @Test
  void packagePrivateFallbackInAnotherPackageIsNotInherited() {
    JavaFileObject base = JavaFileObjects.forSourceLines("other.Base",
        "package other;",
        "public class Base {",
        "  String cached(String in) { return \"\"; }",
        "}");
    JavaFileObject source = chain(
        "public class Chain extends other.Base {",
        "  @Fallback(method = \"cached\")",
        "  public String run(String in) { return in; }",
        "}");
    Compilation compilation = compile(base, source);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("@Fallback method \"cached\" is not a method of Chain")
        .inFile(source).onLineContaining("method = \"cached\"");
  }

  @Test
  void voidMethodWithValuedFallback() {
    assertError("@Fallback method cached(String) returns String, but run(String) is void, so its fallback must be "
        + "void too", "method = \"cached\"",
        "public class Chain {",
        "  @Fallback(method = \"cached\")",
        "  public void run(String in) {}",
        "  String cached(String in) { return \"\"; }",
        "}");
  }

  @Test
  void incompatibleFallbackReturnType() {
    assertError("@Fallback method cached(String) returns Integer, which cannot be assigned to String, the return "
        + "type of run(String)", "method = \"cached\"",
        "public class Chain {",
        "  @Fallback(method = \"cached\")",
        "  public String run(String in) { return in; }",
        "  Integer cached(String in) { return 1; }",
        "}");
  }

  @Test
  void fallbackThrowsUndeclaredCheckedException() {
    assertError("@Fallback method cached(String) throws java.io.IOException, which run(String) does not declare",
        "method = \"cached\"",
        "public class Chain {",
        "  @Fallback(method = \"cached\")",
        "  public String run(String in) { return in; }",
        "  String cached(String in) throws IOException { return \"\"; }",
        "}");
  }

  @Test
  void fallbackFailureParameterTooNarrow() {
    assertError("@Fallback method cached(String, java.io.IOException) takes its failure as java.io.IOException, "
        + "which cannot hold Throwable from applyOn", "method = \"cached\"",
        "public class Chain {",
        "  @Fallback(method = \"cached\")",
        "  public String run(String in) { return in; }",
        "  String cached(String in, IOException e) { return \"\"; }",
        "}");
  }

  @Test
  void emptyApplyOn() {
    assertError("@Fallback applyOn is empty, so the fallback would never answer", "applyOn = {}",
        "public class Chain {",
        "  @Fallback(method = \"cached\", applyOn = {})",
        "  public String run(String in) { return in; }",
        "  String cached(String in) { return \"\"; }",
        "}");
  }

  @Test
  void applyOnCoveredBySkipOn() {
    assertError("@Fallback applyOn java.io.IOException is covered by skipOn Exception, so the fallback "
        + "would never answer it", "applyOn",
        "public class Chain {",
        "  @Fallback(method = \"cached\", applyOn = IOException.class, skipOn = Exception.class)",
        "  public String run(String in) throws IOException { return in; }",
        "  String cached(String in) { return \"\"; }",
        "}");
  }

  // ---- reporting ----

  @Test
  void everyErrorOfATypeIsReported() {
    JavaFileObject source = chain(
        "public class Chain {",
        "  @Retry(maxAttempts = 0, jitter = 2)",
        "  @Fallback(method = \"nothing\")",
        "  public void run() {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("maxAttempts is 0");
    assertThat(compilation).hadErrorContaining("jitter is 2.0");
    assertThat(compilation).hadErrorContaining("\"nothing\" is not a method of Chain");
    assertNoProxy();
  }

  // ---- asynchronous methods ----

  @Test
  void checkpointOnAnAsynchronousMethod() {
    assertError("@Checkpoint cannot be used on search(String), which returns "
        + "java.util.concurrent.CompletionStage<String>: a durable step records the value", "@Checkpoint",
        "public class Chain {",
        "  @Checkpoint",
        "  public java.util.concurrent.CompletionStage<String> search(String topic) { return null; }",
        "}");
  }

  @Test
  void runIdOnAnAsynchronousMethod() {
    assertError("@RunId cannot be used on run(String), which returns "
        + "java.util.concurrent.CompletableFuture<String>: a durable run belongs to the thread", "run(",
        "public class Chain {",
        "  public java.util.concurrent.CompletableFuture<String> run(@RunId String id) { return null; }",
        "}");
  }

  // ---- @Replicated and @Heartbeat ----

  @Test
  void hedgeKnobWithAnotherStrategy() {
    assertError("@Replicated maxHedges is given with strategy ROUND_ROBIN, which sends no hedges", "maxHedges",
        "public interface Chain {",
        "  @Replicated(strategy = Replicated.Strategy.ROUND_ROBIN, maxHedges = 2)",
        "  java.util.concurrent.CompletionStage<String> answer();",
        "}");
  }

  @Test
  void maxHedgesBelowOne() {
    assertError("@Replicated maxHedges is 0, but it counts the extra calls a hedged call may send", "maxHedges",
        "public interface Chain {",
        "  @Replicated(strategy = Replicated.Strategy.HEDGED, maxHedges = 0)",
        "  java.util.concurrent.CompletionStage<String> answer();",
        "}");
  }

  @Test
  void hedgeBudgetOutOfRange() {
    assertError("@Replicated hedgeBudget is 1.5, but it is the share of extra calls", "hedgeBudget",
        "public interface Chain {",
        "  @Replicated(strategy = Replicated.Strategy.HEDGED, hedgeBudget = 1.5)",
        "  java.util.concurrent.CompletionStage<String> answer();",
        "}");
  }

  @Test
  void hedgeDelayOfZero() {
    assertError("@Replicated hedgeDelay is zero, which would send every hedge at once", "hedgeDelay",
        "public interface Chain {",
        "  @Replicated(strategy = Replicated.Strategy.HEDGED, hedgeDelay = \"0ms\")",
        "  java.util.concurrent.CompletionStage<String> answer();",
        "}");
  }

  @Test
  void hedgeDelayThatDoesNotParse() {
    assertError("@Replicated hedgeDelay is not a valid duration", "hedgeDelay",
        "public interface Chain {",
        "  @Replicated(strategy = Replicated.Strategy.HEDGED, hedgeDelay = \"soon\")",
        "  java.util.concurrent.CompletionStage<String> answer();",
        "}");
  }

  @Test
  void voteKnobWithAnotherStrategy() {
    assertError("@Replicated quorum is given with strategy FAILOVER, which does not vote", "quorum",
        "public interface Chain {",
        "  @Replicated(quorum = 2)",
        "  String answer();",
        "}");
  }

  @Test
  void negativeQuorum() {
    assertError("@Replicated quorum is -1, but it counts the replicas that must agree", "quorum",
        "public interface Chain {",
        "  @Replicated(strategy = Replicated.Strategy.QUORUM, quorum = -1)",
        "  String answer();",
        "}");
  }

  @Test
  void voteByMissing() {
    assertError("@Replicated voteBy \"key\" is not a method of Chain. Declare a static or default method Object "
        + "key(String answer)", "voteBy",
        "public interface Chain {",
        "  @Replicated(strategy = Replicated.Strategy.QUORUM, voteBy = \"key\")",
        "  String answer();",
        "}");
  }

  @Test
  void voteByOfTheWrongSignature() {
    assertError("@Replicated voteBy \"key\" must take one parameter that can hold the Integer that count() returns, "
        + "and return what answers are compared by, but it is key(String) returning String", "voteBy",
        "public interface Chain {",
        "  @Replicated(strategy = Replicated.Strategy.QUORUM, voteBy = \"key\")",
        "  java.util.concurrent.CompletionStage<Integer> count();",
        "  static String key(String answer) { return answer; }",
        "}");
  }

  @Test
  void voteByThatTheProxyCannotCall() {
    assertError("@Replicated voteBy \"key\" cannot be called by the proxy: key(String) is abstract", "voteBy",
        "public interface Chain {",
        "  @Replicated(strategy = Replicated.Strategy.QUORUM, voteBy = \"key\")",
        "  String answer();",
        "  String key(String answer);",
        "}");
  }

  @Test
  void hedgedOnAMethodThatThrowsThrowable() {
    assertError("@Replicated strategy HEDGED cannot be used on answer(), which declares throws Throwable", "HEDGED",
        "public interface Chain {",
        "  @Replicated(strategy = Replicated.Strategy.HEDGED)",
        "  String answer() throws Throwable;",
        "}");
  }


  @Test
  void replicatedOnAClass() {
    assertError("@Replicated cannot be used on answer() of class test.Chain: the generated proxy of a class extends"
        + " it", "@Replicated public String answer",
        "public class Chain {",
        "  @Replicated public String answer() { return \"\"; }",
        "}");
  }

  @Test
  void replicatedWeightedWithoutWeights() {
    assertError("@Replicated strategy WEIGHTED needs weights, one per replica", "WEIGHTED",
        "public interface Chain {",
        "  @Replicated(strategy = Replicated.Strategy.WEIGHTED) String answer();",
        "}");
  }

  @Test
  void replicatedWeightsWithAnotherStrategy() {
    assertError("@Replicated weights are given with strategy ROUND_ROBIN, which ignores them", "weights",
        "public interface Chain {",
        "  @Replicated(strategy = Replicated.Strategy.ROUND_ROBIN,",
        "      weights = {2, 1}) String answer();",
        "}");
  }

  @Test
  void replicatedWeightBelowOne() {
    assertError("@Replicated weight 0, at index 1, is below 1", "weights",
        "public interface Chain {",
        "  @Replicated(strategy = Replicated.Strategy.WEIGHTED,",
        "      weights = {2, 0}) String answer();",
        "}");
  }

  @Test
  void replicatedWeightsInheritedFromTheInterface() {
    assertError("@Replicated weights are given with strategy FAILOVER", "Strategy.FAILOVER",
        "@Replicated(strategy = Replicated.Strategy.WEIGHTED, weights = {2, 1})",
        "public interface Chain {",
        "  @Replicated(strategy = Replicated.Strategy.FAILOVER) String answer();",
        "}");
  }

  @Test
  void replicatedEjectAfterZero() {
    assertError("@Replicated ejectAfter is 0, but it counts consecutive failures", "ejectAfter",
        "public interface Chain {",
        "  @Replicated(ejectAfter = 0) String answer();",
        "}");
  }

  @Test
  void replicatedEjectForNotADuration() {
    assertError("@Replicated ejectFor is not a valid duration", "ejectFor",
        "public interface Chain {",
        "  @Replicated(ejectFor = \"ten seconds\") String answer();",
        "}");
  }

  @Test
  void replicatedEjectForZero() {
    assertError("@Replicated ejectFor is zero, but an ejection must last a while", "ejectFor",
        "public interface Chain {",
        "  @Replicated(ejectFor = \"0s\") String answer();",
        "}");
  }

  @Test
  void replicatedMaxEjectForShorterThanEjectFor() {
    assertError("@Replicated maxEjectFor 10s is shorter than ejectFor 30s", "maxEjectFor",
        "public interface Chain {",
        "  @Replicated(maxEjectFor = \"10s\") String answer();",
        "}");
  }

  @Test
  void replicatedEjectedPercentOutOfRange() {
    assertError("@Replicated maxEjectedPercent is 120, but it is a percentage of the replicas", "maxEjectedPercent",
        "public interface Chain {",
        "  @Replicated(maxEjectedPercent = 120) String answer();",
        "}");
  }

  @Test
  void replicatedFailOnEmpty() {
    assertError("@Replicated failOn is empty, so no failure would ever move a call", "failOn",
        "public interface Chain {",
        "  @Replicated(failOn = {}) String answer();",
        "}");
  }

  @Test
  void replicatedFailOnSkipped() {
    assertError("@Replicated failOn java.io.IOException is covered by skipOn Exception", "failOn",
        "public interface Chain {",
        "  @Replicated(failOn = IOException.class, skipOn = Exception.class) String answer() throws IOException;",
        "}");
  }

  @Test
  void replicatedKnobDiffersFromTheInterface() {
    assertError("@Replicated ejectAfter is 3 on answer(), but 5 on interface test.Chain", "ejectAfter = 3",
        "@Replicated",
        "public interface Chain {",
        "  @Replicated(ejectAfter = 3) String answer();",
        "  String other();",
        "}");
  }

  @Test
  void replicatedKnobsDifferBetweenMethods() {
    assertError("@Replicated ejectFor is 1m on second(), but 30s on first()", "1m",
        "public interface Chain {",
        "  @Replicated(ejectFor = \"30s\") String first();",
        "  @Replicated(ejectFor = \"1m\") String second();",
        "}");
  }

  @Test
  void replicatedDurationsAgreeByValue() {
    Compilation compilation = compile(chain(
        "public interface Chain {",
        "  @Replicated(ejectFor = \"30s\") String first();",
        "  @Replicated(ejectFor = \"30000ms\") String second();",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void replicatedAccessorClash() {
    assertError("test.Chain declares replicaHealth(), which clashes with the accessor the generated proxy", "replicaHealth",
        "public interface Chain {",
        "  @Replicated String answer();",
        "  String replicaHealth();",
        "}");
  }

  @Test
  void replicatedFactoryClash() {
    assertError("test.Chain declares replicated(...), which clashes with the static factory", "replicated(int",
        "public interface Chain {",
        "  @Replicated String answer();",
        "  String replicated(int times);",
        "}");
  }

  @Test
  void heartbeatOnAClass() {
    assertError("@Heartbeat cannot be used on ping() of class test.Chain", "@Heartbeat",
        "public class Chain {",
        "  @Heartbeat public boolean ping() { return true; }",
        "}");
  }

  @Test
  void heartbeatWithParameters() {
    assertError("@Heartbeat method ping(String) takes parameters, but a probe takes no parameters", "@Heartbeat",
        "public interface Chain {",
        "  @Replicated String answer();",
        "  @Heartbeat boolean ping(String target);",
        "}");
  }

  @Test
  void heartbeatReturningAString() {
    assertError("@Heartbeat method ping() returns String, but a probe", "@Heartbeat",
        "public interface Chain {",
        "  @Replicated String answer();",
        "  @Heartbeat String ping();",
        "}");
  }

  @Test
  void twoHeartbeats() {
    assertError("@Heartbeat is on both ping() and check(), but a replica set has one probe", "check()",
        "public interface Chain {",
        "  @Replicated String answer();",
        "  @Heartbeat boolean ping();",
        "  @Heartbeat void check();",
        "}");
  }

  @Test
  void heartbeatWithoutReplicated() {
    assertError("@Heartbeat on ping() probes replicas, but no method of test.Chain is @Replicated", "@Heartbeat",
        "public interface Chain {",
        "  @Retry String answer();",
        "  @Heartbeat boolean ping();",
        "}");
  }

  @Test
  void heartbeatThatIsReplicated() {
    assertError("@Heartbeat method ping() is also @Replicated", "@Heartbeat",
        "public interface Chain {",
        "  @Replicated String answer();",
        "  @Heartbeat @Replicated boolean ping();",
        "}");
  }

  @Test
  void heartbeatEveryZero() {
    assertError("@Heartbeat every is zero, which would probe without pause", "every",
        "public interface Chain {",
        "  @Replicated String answer();",
        "  @Heartbeat(every = \"0ms\") boolean ping();",
        "}");
  }

  @Test
  void heartbeatEveryNotADuration() {
    assertError("@Heartbeat every is not a valid duration", "every",
        "public interface Chain {",
        "  @Replicated String answer();",
        "  @Heartbeat(every = \"often\") boolean ping();",
        "}");
  }

  @Test
  void oneInvalidTypeDoesNotStopAnother() {
    JavaFileObject invalid = chain("public final class Chain { @Retry public void run() {} }");
    JavaFileObject valid = JavaFileObjects.forSourceLines("test.Fine",
        "package test;", "public class Fine { @dev.chainmail.Retry public void run() {} }");
    Compilation compilation = compile(invalid, valid);
    assertThat(compilation).hadErrorCount(1);
    assertEquals(Set.of("test.ResilientFine"), writtenSources());
  }

  @Test
  void everyMessageHasATest() throws IOException {
    String tests = Files.readString(Paths.get("src/test/java/dev/chainmail/processor/CompileErrorTest.java"))
        .replace("\\\"", "\"");
    List<String> untested = new ArrayList<>();
    for (Message message : Message.values()) {
      String prefix = message.format(new Object[32]).split("null")[0].trim();
      String fragment = prefix.substring(0, Math.min(prefix.length(), 40));
      if (message != Message.INTERNAL_ERROR && fragment.length() > 0 && !tests.contains(fragment)) {
        untested.add(message.name());
      }
    }
    assertTrue(untested.isEmpty(), "messages without a test of their own: " + untested);
  }
}
