package dev.chainmail.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.chainmail.processor.model.ChainModel;
import dev.chainmail.processor.model.MethodSignature;
import dev.chainmail.processor.model.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * The proxy of a chain class: a subclass of it, with each of its constructors twice, with the default context and
 * with a given one. It calls the chain's own code through {@code super}.
 */
record SubclassForm(ChainModel model) implements ProxyForm {

  @Override
  public void declare(TypeSpec.Builder proxy) {
    proxy.superclass(model.chain());
  }

  @Override
  public List<MethodSpec> builders(Initializers initializers) {
    List<MethodSpec> builders = new ArrayList<>();
    for (MethodSignature constructor : model.constructors()) {
      String context = freeName("context", constructor);
      String arguments = constructor.arguments();
      if (!model.hasEntry()) {
        // The default context has no checkpoint store, which a chain with a run's entry needs.
        builders.add(ProxyGenerator.withSignature(MethodSpec.constructorBuilder(), constructor)
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Creates the proxy with the default context.\n")
            .addStatement("this($T.defaults()$L)", ProxyGenerator.CONTEXT, arguments.isEmpty() ? "" : ", " + arguments)
            .build());
      }
      MethodSpec.Builder withContext = MethodSpec.constructorBuilder()
          .addJavadoc("Creates the proxy with the clock, sleeper, config and listener of {@code $L}.\n", context)
          .addModifiers(Modifier.PUBLIC)
          .addParameter(ProxyGenerator.CONTEXT, context);
      builders.add(ProxyGenerator.withSignature(withContext, constructor)
          .addStatement("super($L)", arguments)
          .addStatement("$T.requireNonNull($N, $S)", Objects.class, context, context)
          .addCode(initializers.forContext(context))
          .build());
    }
    return builders;
  }

  @Override
  public CodeBlock target() {
    return CodeBlock.of("super");
  }

  @Override
  public String threadSafeIf() {
    return "chain class is";
  }

  /** {@code name}, or as many {@code $} after it as it takes to differ from the constructor's parameters. */
  private static String freeName(String name, MethodSignature signature) {
    String candidate = name;
    for (Parameter parameter : signature.parameters()) {
      if (parameter.name().equals(candidate)) {
        candidate = candidate + "$";
      }
    }
    return candidate;
  }
}
