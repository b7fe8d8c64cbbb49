package io.roleform.apply;

import io.roleform.diff.Operation;
import java.util.Objects;

/**
 * What became of one operation of an applied plan.
 *
 * @param index 1-based position of the operation in the plan
 * @param operation the operation as planned
 * @param status done, failed, or not run because an earlier operation failed
 * @param message for a failure, the one-paragraph reason; otherwise a note or {@code null}
 */
public record OperationOutcome(int index, Operation operation, Status status, String message) {

  /** How an operation ended. */
  public enum Status {
    /** Carried out. */
    DONE,
    /** Failed for good (after the client's retries); nothing after it ran. */
    FAILED,
    /** Not attempted, because an earlier operation failed. */
    NOT_RUN
  }

  public OperationOutcome {
    Objects.requireNonNull(operation, "operation == null");
    Objects.requireNonNull(status, "status == null");
  }
}
