package dev.chainmail.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact text of generated proxies. Each folder under {@code golden/} holds the chain sources in
 * {@code input/} and the proxies they must produce in {@code expected/}, compared as exact text.
 *
 * <p>After an intended change to generated code, rewrite the expected files with
 * {@code mvn -pl processor test -Dtest=GoldenFileTest -Dgolden.update=true} and review the diff.
 */
class GoldenFileTest {

  private static final Path SOURCE_ROOT = Paths.get("src/test/resources/golden");

  static Stream<String> cases() throws IOException, URISyntaxException {
    Path root = Paths.get(GoldenFileTest.class.getResource("/golden").toURI());
    try (Stream<Path> folders = Files.list(root)) {
      return folders.map(folder -> folder.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generatesTheExpectedProxies(String name) throws IOException, URISyntaxException {
    Path folder = Paths.get(GoldenFileTest.class.getResource("/golden/" + name).toURI());
    Compilation compilation = Compiler.javac()
        .withProcessors(new ChainmailProcessor())
        .withOptions("-Xlint:all")
        .compile(sources(folder.resolve("input")));
    assertThat(compilation).succeededWithoutWarnings();

    Map<String, String> actual = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String path = file.toUri().getPath();
      actual.put(path.substring(path.lastIndexOf('/') + 1), file.getCharContent(true).toString());
    }
    if (Boolean.getBoolean("golden.update")) {
      update(name, actual);
    }
    assertEquals(read(folder.resolve("expected")).keySet(), actual.keySet(), "generated files");
    for (Map.Entry<String, String> expected : read(folder.resolve("expected")).entrySet()) {
      assertEquals(expected.getValue(), actual.get(expected.getKey()), expected.getKey());
    }
  }

  /** The user guide shows a generated proxy in full; it must be the one the processor writes today. */
  @Test
  void userGuideShowsTheCurrentProxy() throws IOException {
    String guide = Files.readString(Paths.get("../docs/guide.md"), StandardCharsets.UTF_8);
    String proxy = Files.readString(
        SOURCE_ROOT.resolve("class_chain/expected/ResilientResearchChain.java"), StandardCharsets.UTF_8);
    assertTrue(guide.contains(proxy), "docs/guide.md must show golden/class_chain's proxy verbatim");
  }

  private static List<JavaFileObject> sources(Path input) throws IOException {
    List<JavaFileObject> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(input)) {
      for (Path file : files.sorted().toList()) {
        sources.add(JavaFileObjects.forResource(file.toUri().toURL()));
      }
    }
    return sources;
  }

  private static Map<String, String> read(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> paths = Files.list(folder)) {
        for (Path path : paths.toList()) {
          files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }

  private static void update(String name, Map<String, String> actual) throws IOException {
    for (Path target : List.of(SOURCE_ROOT.resolve(name).resolve("expected"),
        Paths.get("target/test-classes/golden").resolve(name).resolve("expected"))) {
      Files.createDirectories(target);
      try (Stream<Path> old = Files.list(target)) {
        for (Path path : old.toList()) {
          Files.delete(path);
        }
      }
      for (Map.Entry<String, String> file : actual.entrySet()) {
        Files.writeString(target.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      }
    }
  }
}
