package io.roleform.diff;

/** The three kinds of action, each with the symbol the text plan shows (as Terraform). */
public enum Action {
  CREATE("+"),
  UPDATE("~"),
  DELETE("-");

  private final String symbol;

  Action(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
