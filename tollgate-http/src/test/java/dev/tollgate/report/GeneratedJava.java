package dev.tollgate.report;

import io.restassured.RestAssured;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** Compiles the Java a report generates, against JUnit's and RestAssured's API, with javac. */
final class GeneratedJava {
  private GeneratedJava() {}

  /** Compiles {@code file} into {@code classes}; javac's messages go to {@code diagnostics}. */
  static boolean compile(Path file, Path classes, DiagnosticCollector<JavaFileObject> diagnostics,
      String... extraOptions) throws Exception {
    Files.createDirectories(classes);
    List<String> options = new ArrayList<>(
        List.of("-classpath", classpath(), "-d", classes.toString(), "-proc:none"));
    options.addAll(List.of(extraOptions));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      return javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjects(file.toFile())).call();
    }
  }

  /** The jars of JUnit's and RestAssured's API, wherever the build put them. */
  private static String classpath() throws Exception {
    Set<String> entries = new LinkedHashSet<>(
        List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    for (Class<?> type : List.of(RestAssured.class, Test.class, org.apiguardian.api.API.class,
        org.hamcrest.Matcher.class, io.restassured.specification.RequestSpecification.class)) {
      entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString());
    }
    return String.join(File.pathSeparator, entries);
  }
}
