package io.roleform.sandbox.store;

/** The database failed (I/O, corruption, a bug in a statement). Never a client error. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
