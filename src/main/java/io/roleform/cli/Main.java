package io.roleform.cli;

/** Entry point of the {@code roleform} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int relaunched = Relaunch.run();
    if (relaunched >= 0) System.exit(relaunched);
    System.exit(RoleformCommand.run(args, System.out, System.err, System.getenv()));
  }
}
