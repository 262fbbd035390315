package dev.chainmail.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A chain whose signatures mention a type another processor generates is deferred until that type exists, then
 * gets its proxy.
 */
class DeferralTest {

  /**
   * Writes {@code test.Answer} in the first round, which javac enters only for the second: Chainmail, running after
   * it in the first round, sees the chain before the type exists.
   */
  private static final class LateGenerator extends AbstractProcessor {
    private int round;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
      round++;
      if (round == 1) {
        try {
          JavaFileObject file = processingEnv.getFiler().createSourceFile("test.Answer");
          try (Writer writer = file.openWriter()) {
            writer.write("package test; public class Answer { public String text() { return \"42\"; } }");
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void chainReferringToALaterGeneratedTypeGetsItsProxy() {
    JavaFileObject chain = JavaFileObjects.forSourceLines("test.Chain",
        "package test;",
        "",
        "import dev.chainmail.Retry;",
        "",
        "public class Chain {",
        "  @Retry",
        "  public Answer answer(String question) {",
        "    return new Answer();",
        "  }",
        "}");
    Compilation compilation = Compiler.javac()
        .withProcessors(new LateGenerator(), new ChainmailProcessor())
        .compile(chain);
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.ResilientChain")
        .contentsAsUtf8String().contains("public Answer answer(String question)");
  }
}
