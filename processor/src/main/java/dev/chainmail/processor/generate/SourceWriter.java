package dev.chainmail.processor.generate;

import com.palantir.javapoet.JavaFile;
import dev.chainmail.processor.validate.Message;
import java.io.IOException;
import javax.annotation.processing.Filer;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Messager;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/** The one class that touches the {@link Filer}: writes each proxy, and reports what keeps it from being written. */
public final class SourceWriter {

  private final Filer filer;
  private final Messager messager;

  public SourceWriter(Filer filer, Messager messager) {
    this.filer = filer;
    this.messager = messager;
  }

  public void write(JavaFile file, TypeElement chain) {
    try {
      file.writeTo(filer);
    } catch (FilerException e) {
      messager.printMessage(Diagnostic.Kind.ERROR, Message.TYPE_PROXY_EXISTS.format(
          file.packageName() + "." + file.typeSpec().name(), chain.getQualifiedName()), chain);
    } catch (IOException e) {
      messager.printMessage(Diagnostic.Kind.ERROR, "could not write the proxy of " + chain.getQualifiedName()
          + ": " + e.getMessage(), chain);
    }
  }
}
