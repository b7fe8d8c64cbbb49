package io.roleform.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Model.CommandSpec;

/** Adapts the command line's injected writers for code that wants a PrintStream. */
final class Streams {
  private Streams() {}

  /**
   * A PrintStream onto the command's error writer. Bytes are buffered and decoded as UTF-8 only on
   * flush (every println, as the stream autoflushes), so a character is never split between writes.
   */
  static PrintStream err(CommandSpec spec) {
    PrintWriter w = spec.commandLine().getErr();
    return new PrintStream(new OutputStream() {
      private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

      @Override
      public synchronized void write(int b) {
        pending.write(b);
      }

      @Override
      public synchronized void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
      }

      @Override
      public synchronized void flush() {
        w.write(pending.toString(StandardCharsets.UTF_8));
        pending.reset();
        w.flush();
      }
    }, true, StandardCharsets.UTF_8);
  }
}
