package dev.chainmail.samples.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainmail.Retry;
import dev.chainmail.runtime.ChainmailContext;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small modular application, built and run on the module path as a user's would be: a named module {@code app}
 * with a chain, the proxy the processor writes beside it, and a listener, against the annotations and runtime
 * modules. Compiled with {@code -Xlint:all} and no warning allowed, then run in a child JVM with {@code -m}.
 */
class ModularAppTest {

  @TempDir
  Path dir;

  @Test
  void aChainInANamedModuleCompilesAndRunsOnTheModulePath() throws Exception {
    Path src = dir.resolve("src");
    write(src.resolve("module-info.java"),
        "module app {",
        "  requires static dev.chainmail.annotations;",
        "  requires dev.chainmail.runtime;",
        "}");
    write(src.resolve("app/Greeter.java"),
        "package app;",
        "",
        "import dev.chainmail.Retry;",
        "",
        "public class Greeter {",
        "  private int calls;",
        "",
        "  @Retry(maxAttempts = 3)",
        "  public String greet(String name) {",
        "    if (++calls == 1) {",
        "      throw new IllegalStateException(\"cold start\");",
        "    }",
        "    return \"hello \" + name;",
        "  }",
        "}");
    write(src.resolve("app/Main.java"),
        "package app;",
        "",
        "import dev.chainmail.runtime.ChainmailContext;",
        "import dev.chainmail.runtime.ChainmailListener;",
        "",
        "public final class Main {",
        "  private Main() {}",
        "",
        "  public static void main(String[] args) {",
        "    ChainmailContext context = ChainmailContext.builder().listener(new ChainmailListener() {",
        "      @Override",
        "      public void onRetry(String method, int attempt, Throwable failure, long pauseNanos) {",
        "        System.out.println(\"retry \" + method + \" \" + attempt + \" \" + failure.getMessage());",
        "      }",
        "    }).build();",
        "    Greeter greeter = new ResilientGreeter(context);",
        "    System.out.println(greeter.greet(\"modules\"));",
        "    System.out.println(Main.class.getModule().getName() + \" \"",
        "        + ChainmailContext.class.getModule().getName());",
        "  }",
        "}");
    String modulePath = location(Retry.class) + File.pathSeparator + location(ChainmailContext.class);
    Path classes = dir.resolve("classes");
    Path generated = dir.resolve("generated");
    Files.createDirectories(classes);
    Files.createDirectories(generated);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-Xlint:all,-processing", "-d", classes.toString(), "-s", generated.toString(),
          "--module-path", modulePath, "--processor-path", System.getProperty("java.class.path"));
      List<File> sources = new ArrayList<>();
      for (String name : List.of("module-info.java", "app/Greeter.java", "app/Main.java")) {
        sources.add(src.resolve(name).toFile());
      }
      compiled = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(sources))
          .call();
    }
    List<String> problems = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .map(d -> d.getKind() + ": " + d.getMessage(null))
        .collect(Collectors.toList());
    assertTrue(compiled, "compile failed: " + problems);
    assertEquals(List.of(), problems, "the modular build must be free of warnings");
    String proxy = Files.readString(generated.resolve("app/ResilientGreeter.java"));
    assertFalse(proxy.contains("@Generated"), "a module that does not read java.compiler cannot see @Generated");

    Process app = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", classes + File.pathSeparator + modulePath, "-m", "app/app.Main")
        .redirectErrorStream(true).start();
    String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(app.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, app.exitValue(), output);
    assertEquals(List.of("retry app.Greeter/greet 1 cold start", "hello modules", "app dev.chainmail.runtime"),
        output.lines().collect(Collectors.toList()));
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
  }
}
