package dev.chainmail.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.chainmail.processor.model.ChainModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/** The proxy of a chain interface: it implements the interface and wraps one delegate, which it calls. */
record DelegateForm(ChainModel model) implements ProxyForm {

  static final String FIELD = "delegate";

  @Override
  public void declare(TypeSpec.Builder proxy) {
    proxy.addSuperinterface(model.chain());
    proxy.addField(model.chain(), FIELD, Modifier.PRIVATE, Modifier.FINAL);
  }

  @Override
  public List<MethodSpec> builders(Initializers initializers) {
    List<MethodSpec> builders = new ArrayList<>();
    if (!model.hasEntry()) {
      // The default context has no checkpoint store, which a chain with a run's entry needs.
      builders.add(MethodSpec.constructorBuilder()
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("Wraps {@code delegate}, with the default context.\n")
          .addParameter(model.chain(), FIELD)
          .addStatement("this($T.defaults(), $N)", ProxyGenerator.CONTEXT, FIELD)
          .build());
    }
    builders.add(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Wraps {@code delegate}, with the clock, sleeper, config and listener of {@code context}.\n")
        .addParameter(ProxyGenerator.CONTEXT, "context")
        .addParameter(model.chain(), FIELD)
        .addStatement("$T.requireNonNull(context, $S)", Objects.class, "context")
        .addStatement("this.$N = $T.requireNonNull($N, $S)", FIELD, Objects.class, FIELD, FIELD)
        .addCode(initializers.forContext("context"))
        .build());
    return builders;
  }

  @Override
  public CodeBlock target() {
    return CodeBlock.of("this.$N", FIELD);
  }

  @Override
  public String threadSafeIf() {
    return "delegate is";
  }
}
