package io.roleform.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Model.CommandSpec;

/** Adapts the command line's injected writers for code that wants a PrintStream. */
final class Streams {
  private Streams() {}

  static PrintStream err(CommandSpec spec) {
    PrintWriter w = spec.commandLine().getErr();
    return new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        w.write(new String(b, off, len, StandardCharsets.UTF_8));
        w.flush();
      }
    }, true, StandardCharsets.UTF_8);
  }
}
