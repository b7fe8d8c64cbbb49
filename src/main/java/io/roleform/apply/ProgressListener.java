package io.roleform.apply;

import io.roleform.diff.Operation;

/**
 * Told around each operation an {@link Applier} runs (the CLI prints "n of total" on stderr).
 * Indexes are 1-based: the first operation of a plan is {@code 1 of total}. Called on the applying
 * thread; a listener must not throw.
 */
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE =
      new ProgressListener() {
        @Override
        public void started(int index, int total, Operation op) {}

        @Override
        public void finished(int index, int total, Operation op, OperationOutcome outcome) {}
      };

  /** Operation {@code index} of {@code total} is about to run. */
  void started(int index, int total, Operation op);

  /** Operation {@code index} of {@code total} ran: done or failed. Not called for ops never run. */
  void finished(int index, int total, Operation op, OperationOutcome outcome);
}
