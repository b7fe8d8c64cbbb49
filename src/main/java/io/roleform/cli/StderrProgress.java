package io.roleform.cli;

import io.roleform.apply.OperationLabel;
import io.roleform.apply.OperationOutcome;
import io.roleform.apply.ProgressListener;
import io.roleform.config.Redactor;
import io.roleform.render.Text;
import io.roleform.diff.Operation;
import java.io.PrintWriter;

/** Apply progress on stderr: {@code [n/total] ~ updateRole Billing}, and why an operation failed. */
final class StderrProgress implements ProgressListener {
  private final PrintWriter err;
  private final Redactor redactor;

  StderrProgress(PrintWriter err, Redactor redactor) {
    this.err = err;
    this.redactor = redactor;
  }

  @Override
  public void started(int index, int total, Operation op) {
    err.println("[" + index + "/" + total + "] " + op.action().symbol() + " " + OperationLabel.type(op)
        + " " + Text.clean(redactor.apply(OperationLabel.target(op))));
    err.flush();
  }

  @Override
  public void finished(int index, int total, Operation op, OperationOutcome outcome) {
    if (outcome.status() == OperationOutcome.Status.FAILED) {
      err.println("[" + index + "/" + total + "] failed: " + Text.cleanLines(redactor.apply(outcome.message())));
      err.flush();
    }
  }
}
