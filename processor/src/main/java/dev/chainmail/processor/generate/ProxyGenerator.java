package dev.chainmail.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.chainmail.processor.model.ChainModel;
import dev.chainmail.processor.model.GuardedMethod;
import dev.chainmail.processor.model.MethodSignature;
import dev.chainmail.processor.model.ReplicatedSpec;
import dev.chainmail.processor.model.RetrySpec;
import dev.chainmail.processor.model.Parameter;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the proxy of one chain type from its model. Deterministic: the same model always gives the same text.
 * The chain type's element is taken only to mark the file as originating from it, for incremental builds.
 */
public final class ProxyGenerator {

  static final String DELEGATE_FIELD = "delegate";
  static final String LISTENER_FIELD = "chainmail$listener";
  private static final String INIT_METHOD = "chainmail$init";
  static final ClassName CONTEXT = ClassName.get("dev.chainmail.runtime", "ChainmailContext");
  static final ClassName LISTENER = ClassName.get("dev.chainmail.runtime", "ChainmailListener");
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final String PROCESSOR = "dev.chainmail.processor.ChainmailProcessor";

  public JavaFile generate(ChainModel model, Element origin) {
    TypeSpec.Builder proxy = TypeSpec.classBuilder(model.proxy())
        .addOriginatingElement(origin)
        .addJavadoc(classJavadoc(model))
        .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build())
        .addTypeVariables(model.typeVariables());
    if (model.isPublic()) {
      proxy.addModifiers(Modifier.PUBLIC);
    }
    proxy.addModifiers(Modifier.FINAL);
    if (model.replicated()) {
      proxy.addSuperinterface(model.chain());
      proxy.addField(ReplicaSetEmitter.field(model));
    } else if (model.isInterface()) {
      proxy.addSuperinterface(model.chain());
      proxy.addField(model.chain(), DELEGATE_FIELD, Modifier.PRIVATE, Modifier.FINAL);
    } else {
      proxy.superclass(model.chain());
    }
    if (model.serializable()) {
      proxy.addField(FieldSpec.builder(long.class, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC,
          Modifier.FINAL).initializer("1L").build());
    }
    for (GuardedMethod method : model.guarded()) {
      for (GuardStage stage : GuardStage.values()) {
        if (stage.emitter().applies(method)) {
          for (FieldSpec field : stage.emitter().fields(method)) {
            proxy.addField(policyField(model, field.type(), field.name()));
          }
        }
      }
    }
    if (model.hasFallback()) {
      proxy.addField(policyField(model, LISTENER, LISTENER_FIELD));
    }
    if (model.replicated()) {
      ReplicaSetEmitter.addTo(model, proxy, constructorInitializers(model, "context"));
    } else if (model.isInterface()) {
      addInterfaceConstructors(model, proxy);
    } else {
      for (MethodSignature constructor : model.constructors()) {
        addClassConstructors(model, constructor, proxy);
      }
    }
    if (model.serializable()) {
      proxy.addMethod(MethodSpec.methodBuilder(INIT_METHOD)
          .addJavadoc("Builds the policies: once at construction, and again after deserialization.\n")
          .addModifiers(Modifier.PRIVATE)
          .addParameter(CONTEXT, "context")
          .addCode(initializers(model, "context"))
          .build());
      proxy.addMethod(MethodSpec.methodBuilder("readObject")
          .addJavadoc("Rebuilds the policies, which are not serialized, with the default context.\n")
          .addAnnotation(Serial.class)
          .addModifiers(Modifier.PRIVATE)
          .addParameter(ObjectInputStream.class, "in")
          .addException(IOException.class)
          .addException(ClassNotFoundException.class)
          .addStatement("in.defaultReadObject()")
          .addStatement("$N($T.defaults())", INIT_METHOD, CONTEXT)
          .build());
    }
    for (GuardedMethod method : model.guarded()) {
      proxy.addMethods(guardedMethod(model, method));
    }
    for (GuardStage stage : GuardStage.values()) {
      proxy.addMethods(stage.emitter().proxyMethods(model));
    }
    for (MethodSignature method : model.forwarded()) {
      proxy.addMethod(overriding(method)
          .addStatement("$L$L.$N($L)", method.returnsVoid() ? "" : "return ", delegate(model),
              method.name(), method.arguments())
          .build());
    }
    return JavaFile.builder(model.proxy().packageName(), proxy.build())
        .addFileComment("Generated by Chainmail from $L. Do not edit: it is rewritten on every build.",
            model.chainName())
        .skipJavaLangImports(true)
        .build();
  }

  private static CodeBlock classJavadoc(ChainModel model) {
    CodeBlock.Builder javadoc = CodeBlock.builder()
        .add("The resilient proxy of {@link $T}, $L.\n", rawType(model.chain()),
            model.isInterface() ? "wrapping an implementation of it" : "extending it");
    javadoc.add("\n<p>Guarded methods, their guards outermost first:\n<ul>\n");
    for (GuardedMethod method : model.guarded()) {
      StringJoiner guards = new StringJoiner(", ");
      for (GuardStage stage : GuardStage.values()) {
        if (stage.emitter().applies(method)) {
          guards.add(stage.title());
        }
      }
      javadoc.add("  <li>{@code $L}: $L</li>\n", method.signature().describe(), guards);
    }
    return javadoc.add("</ul>\n").add("This class is thread-safe if the $L.\n",
        model.replicated() ? "replicas are" : model.isInterface() ? "delegate is" : "chain class is").build();
  }

  /**
   * A field holding a policy: final, or for a serializable proxy transient, since policies hold a context that
   * cannot be serialized, and are rebuilt after deserialization.
   */
  private static FieldSpec policyField(ChainModel model, TypeName type, String name) {
    return model.serializable()
        ? FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.TRANSIENT).build()
        : FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.FINAL).build();
  }

  /** The policy initialisation for a constructor: inline, or a call to the shared method of a serializable proxy. */
  private static CodeBlock constructorInitializers(ChainModel model, String context) {
    return model.serializable()
        ? CodeBlock.builder().addStatement("$N($N)", INIT_METHOD, context).build()
        : initializers(model, context);
  }

  /** {@code type} without its type arguments: {@code Box} for {@code Box<T>}. */
  static TypeName rawType(TypeName type) {
    return type instanceof ParameterizedTypeName ? ((ParameterizedTypeName) type).rawType() : type;
  }

  private void addInterfaceConstructors(ChainModel model, TypeSpec.Builder proxy) {
    if (!model.hasEntry()) {
      proxy.addMethod(MethodSpec.constructorBuilder()
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("Wraps {@code delegate}, with the default context.\n")
          .addParameter(model.chain(), DELEGATE_FIELD)
          .addStatement("this($T.defaults(), $N)", CONTEXT, DELEGATE_FIELD)
          .build());
    }
    MethodSpec.Builder withContext = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Wraps {@code delegate}, with the clock, sleeper, config and listener of {@code context}.\n")
        .addParameter(CONTEXT, "context")
        .addParameter(model.chain(), DELEGATE_FIELD)
        .addStatement("$T.requireNonNull(context, $S)", Objects.class, "context")
        .addStatement("this.$N = $T.requireNonNull($N, $S)", DELEGATE_FIELD, Objects.class, DELEGATE_FIELD,
            DELEGATE_FIELD);
    proxy.addMethod(withContext.addCode(constructorInitializers(model, "context")).build());
  }

  private void addClassConstructors(ChainModel model, MethodSignature constructor, TypeSpec.Builder proxy) {
    String context = freeName("context", constructor);
    String arguments = constructor.arguments();
    MethodSpec.Builder plain = constructor(constructor)
        .addJavadoc("Creates the proxy with the default context.\n")
        .addStatement("this($T.defaults()$L)", CONTEXT, arguments.isEmpty() ? "" : ", " + arguments);
    MethodSpec.Builder withContext = MethodSpec.constructorBuilder()
        .addJavadoc("Creates the proxy with the clock, sleeper, config and listener of {@code $L}.\n", context)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(CONTEXT, context);
    addSignature(withContext, constructor);
    withContext.addStatement("super($L)", arguments)
        .addStatement("$T.requireNonNull($N, $S)", Objects.class, context, context)
        .addCode(constructorInitializers(model, context));
    if (!model.hasEntry()) {
      // The default context has no checkpoint store, which a chain with a run's entry needs.
      proxy.addMethod(plain.build());
    }
    proxy.addMethod(withContext.build());
  }

  private static CodeBlock initializers(ChainModel model, String context) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (GuardedMethod method : model.guarded()) {
      for (GuardStage stage : GuardStage.values()) {
        if (stage.emitter().applies(method)) {
          code.add(stage.emitter().initializer(method, context));
        }
      }
    }
    if (model.hasFallback()) {
      code.addStatement("this.$N = $N.listener()", LISTENER_FIELD, context);
    }
    return code.build();
  }

  /**
   * The override of a guarded method, its guards written from the innermost out; and, when a guard keeps the value
   * of what is beneath it, the private method that holds the guards beneath.
   */
  private List<MethodSpec> guardedMethod(ChainModel model, GuardedMethod method) {
    MethodSignature signature = method.signature();
    CodeBlock target = method.has(ReplicatedSpec.class) ? CodeBlock.of("$N", method.locals().target())
        : delegate(model);
    CodeBlock call = CodeBlock.of("$L.$N($L)", target, signature.name(), signature.arguments());
    List<MethodSpec> methods = new ArrayList<>();
    CodeBlock body = returning(method, call);
    boolean onlyTheCall = true;
    for (GuardStage stage : GuardStage.innermostFirst()) {
      GuardEmitter emitter = stage.emitter();
      if (!emitter.applies(method)) {
        continue;
      }
      if (emitter.keepsResult()) {
        if (!onlyTheCall) {
          String helper = method.fieldPrefix() + "$guarded";
          methods.add(helper(signature, helper, stage, body));
          call = CodeBlock.of("this.$N($L)", helper, signature.arguments());
        }
        body = emitter.wrapCall(method, call);
      } else {
        body = emitter.wrap(method, body);
      }
      onlyTheCall = false;
    }
    methods.add(0, overriding(signature).addCode(body).build());
    return methods;
  }

  /**
   * What a method that is not replicated calls: the delegate of an interface proxy, the primary replica of a
   * replicated one, or the chain class.
   */
  private static CodeBlock delegate(ChainModel model) {
    if (model.replicated()) {
      return ReplicaSetEmitter.primary();
    }
    return CodeBlock.of(model.isInterface() ? "this." + DELEGATE_FIELD : "super");
  }

  /**
   * The innermost statements: the call, returned; for a {@code void} method inside a retry loop or a loop over
   * replicas, then a return.
   */
  private static CodeBlock returning(GuardedMethod method, CodeBlock call) {
    CodeBlock.Builder inner = CodeBlock.builder();
    if (!method.signature().returnsVoid()) {
      inner.addStatement("return $L", call);
    } else {
      inner.addStatement("$L", call);
      if (method.has(RetrySpec.class) || method.has(ReplicatedSpec.class)) {
        inner.addStatement("return");
      }
    }
    return inner.build();
  }

  /** A private method holding the guards beneath {@code stage}, with the guarded method's signature. */
  private static MethodSpec helper(MethodSignature signature, String name, GuardStage stage, CodeBlock body) {
    MethodSpec.Builder helper = MethodSpec.methodBuilder(name)
        .addJavadoc("$L: the guards beneath $L.\n", signature.describe(), stage.title())
        .addModifiers(Modifier.PRIVATE)
        .addTypeVariables(signature.typeVariables())
        .returns(signature.returnType());
    if (signature.deprecated()) {
      helper.addAnnotation(Deprecated.class);
    }
    for (Parameter parameter : signature.parameters()) {
      helper.addParameter(ParameterSpec.builder(parameter.type(), parameter.name()).build());
    }
    return helper.addExceptions(signature.exceptions()).addCode(body).build();
  }

  private static MethodSpec.Builder overriding(MethodSignature signature) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(signature.name()).addAnnotation(Override.class);
    method.addModifiers(signature.visibility());
    method.addTypeVariables(signature.typeVariables());
    method.returns(signature.returnType());
    addSignature(method, signature);
    return method;
  }

  private static MethodSpec.Builder constructor(MethodSignature signature) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    addSignature(constructor, signature);
    return constructor;
  }

  /** Adds what methods and constructors share: deprecation, parameters, varargs and exceptions. */
  private static void addSignature(MethodSpec.Builder builder, MethodSignature signature) {
    if (signature.deprecated()) {
      builder.addAnnotation(Deprecated.class);
    }
    if (signature.safeVarargs()) {
      // The proxy passes the array on untouched, which is safe. As in the JDK's List.of(E...), that is stated
      // with @SafeVarargs (which needs a final method) and the lint about passing the array on is silenced.
      builder.addAnnotation(SafeVarargs.class);
      builder.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "varargs")
          .build());
      if (!signature.name().equals("<init>")) {
        builder.addModifiers(Modifier.FINAL);
      }
    }
    for (Parameter parameter : signature.parameters()) {
      builder.addParameter(ParameterSpec.builder(parameter.type(), parameter.name()).build());
    }
    builder.varargs(signature.varargs());
    builder.addExceptions(signature.exceptions());
  }

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
