package io.roleform.cli;

import io.roleform.apply.OperationOutcome;
import io.roleform.apply.ProgressListener;
import io.roleform.plan.Operation;
import java.io.PrintWriter;

/** Apply progress on stderr: {@code [n/total] what}, and the outcome of failed operations. */
final class StderrProgress implements ProgressListener {
  private final PrintWriter err;

  StderrProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void started(int index, int total, Operation op) {
    err.println("[" + (index + 1) + "/" + total + "] " + op.action().symbol() + " " + describe(op));
    err.flush();
  }

  @Override
  public void finished(int index, int total, Operation op, OperationOutcome outcome) {
    if (outcome.status() == OperationOutcome.Status.FAILED) {
      err.println("[" + (index + 1) + "/" + total + "] failed: " + outcome.message());
      err.flush();
    }
  }

  static String describe(Operation op) {
    // Java 17: no pattern matching for switch yet, so an instanceof chain over the sealed kinds.
    if (op instanceof Operation.CreateRole c) return "create role \"" + c.name() + "\"";
    if (op instanceof Operation.UpdateRole u) return "update role \"" + u.role().name() + "\"";
    if (op instanceof Operation.ApproveApplier a) {
      return "approve " + a.user().email() + " into \"" + a.role().name() + "\"";
    }
    if (op instanceof Operation.DeleteRole d) return "delete role \"" + d.role().name() + "\"";
    if (op instanceof Operation.ChangeMembers m) {
      return "members of \"" + m.role().name() + "\": +" + m.add().size() + " -" + m.remove().size();
    }
    if (op instanceof Operation.ReorderRoles) return "reorder roles";
    if (op instanceof Operation.UpdateSettings) return "update settings";
    Operation.TransferOwner t = (Operation.TransferOwner) op;
    return "transfer ownership to " + t.to().email();
  }
}
