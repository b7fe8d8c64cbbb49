package io.roleform.plan;

/**
 * A saved plan file that roleform cannot read: not JSON, cut short, made by a newer roleform, or
 * with a missing, unknown or invalid field. The message is one paragraph for people, naming the
 * place in the document where that helps; it never contains a stack trace.
 */
public final class PlanFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  public PlanFormatException(String message) {
    super(message);
  }
}
