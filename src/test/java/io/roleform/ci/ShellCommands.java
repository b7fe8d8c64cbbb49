package io.roleform.ci;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the simple commands out of a POSIX shell script, as CI runners hand it to {@code sh}/{@code
 * bash}: enough of the shell's grammar to find every {@code roleform ...} invocation with its
 * arguments as the program would receive them.
 *
 * <p>Handles comments, line continuations ({@code \} newline), single and double quotes,
 * backslash escapes, the operators {@code && || | ; ;; & ( )}, redirections ({@code > >> < 2>&1
 * &> <<<}, here-documents), and expansions: {@code $VAR}, {@code ${...}}, {@code $?}, {@code
 * $((...))}, {@code $(...)} and backquotes. Each expansion becomes {@link #PLACEHOLDER}; the
 * commands inside a command substitution are returned too. Leading variable assignments and the
 * keywords {@code if then elif else do while until ! {} are dropped, so {@code if roleform plan
 * x; then} yields {@code roleform plan x}. Not a shell: no aliases, functions or word splitting
 * of expansions. Test support only.
 */
final class ShellCommands {

  /** What every expansion ({@code $VAR}, {@code $(...)}, ...) is replaced with. */
  static final String PLACEHOLDER = "1";

  /** One simple command: its words after quote removal, and the script line it starts on (1-based). */
  record Command(int line, List<String> words) {
    Command {
      words = List.copyOf(words);
    }

    /** True when the program is {@code roleform}, by name or by path ({@code ./roleform}). */
    boolean isRoleform() {
      return !words.isEmpty() && (words.get(0).equals("roleform") || words.get(0).endsWith("/roleform"));
    }

    /** The arguments after the program name. */
    List<String> args() {
      return words.subList(1, words.size());
    }
  }

  private static final List<String> LEADING_KEYWORDS =
      List.of("if", "then", "elif", "else", "do", "while", "until", "!", "{", "time", "exec", "command");

  private final String s;
  private int i;
  private int line;
  private final List<Command> commands = new ArrayList<>();
  private final List<String> words = new ArrayList<>();
  private int commandLine;
  private final List<String[]> pendingHereDocs = new ArrayList<>(); // {delimiter, "-" or ""}

  private ShellCommands(String script, int firstLine) {
    this.s = script;
    this.line = firstLine;
  }

  /** The simple commands of {@code script}, in order (those inside {@code $(...)} first). */
  static List<Command> parse(String script) {
    return parse(script, 1);
  }

  private static List<Command> parse(String script, int firstLine) {
    ShellCommands p = new ShellCommands(script, firstLine);
    p.run();
    return List.copyOf(p.commands);
  }

  private void run() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && peek(1) == '\n') {
        i += 2;
        line++;
      } else if (c == '\n') {
        i++;
        endCommand();
        line++;
        skipHereDocs();
      } else if (c == ' ' || c == '\t' || c == '\r') {
        i++;
      } else if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') i++;
      } else if (startsRedirection()) {
        redirection();
      } else if (";&|()".indexOf(c) >= 0) {
        endCommand();
        i++;
        if (i < s.length() && (s.charAt(i) == c && c != '(' && c != ')' || c == '|' && s.charAt(i) == '&')) i++;
      } else {
        if (words.isEmpty()) commandLine = line;
        words.add(word());
      }
    }
    endCommand();
  }

  private char peek(int ahead) {
    return i + ahead < s.length() ? s.charAt(i + ahead) : '\0';
  }

  /** At {@code >}, {@code <}, {@code &>} or a file descriptor number followed by one of those. */
  private boolean startsRedirection() {
    char c = s.charAt(i);
    if (c == '<' || c == '>') return true;
    if (c == '&' && peek(1) == '>') return true;
    int j = i;
    while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
    return j > i && j < s.length() && (s.charAt(j) == '<' || s.charAt(j) == '>');
  }

  /** Consumes a redirection operator and its target word; here-documents are skipped later. */
  private void redirection() {
    while (Character.isDigit(s.charAt(i))) i++;
    if (s.startsWith("<<<", i)) {
      i += 3;
      target();
    } else if (s.startsWith("<<", i)) {
      i += 2;
      String strip = "";
      if (peek(0) == '-') {
        strip = "-";
        i++;
      }
      pendingHereDocs.add(new String[] {target(), strip});
    } else {
      if (s.charAt(i) == '&') i++; // &> and &>>
      i++; // > or <
      if (i < s.length() && ">&|".indexOf(s.charAt(i)) >= 0) i++; // >> >& <& >|
      target();
    }
  }

  private String target() {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
    return word();
  }

  private void skipHereDocs() {
    for (String[] doc : pendingHereDocs) {
      while (i < s.length()) {
        int end = s.indexOf('\n', i);
        String text = s.substring(i, end < 0 ? s.length() : end);
        i = end < 0 ? s.length() : end + 1;
        line++;
        if ((doc[1].isEmpty() ? text : text.replaceFirst("^\t+", "")).equals(doc[0])) break;
      }
    }
    pendingHereDocs.clear();
  }

  /** One word, from here to the next blank, newline or operator, with quotes removed. */
  private String word() {
    StringBuilder w = new StringBuilder();
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && peek(1) == '\n') {
        i += 2;
        line++;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || ";&|()<>".indexOf(c) >= 0) {
        break;
      } else if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        if (end < 0) end = s.length();
        String quoted = s.substring(i + 1, end);
        line += (int) quoted.chars().filter(ch -> ch == '\n').count();
        w.append(quoted);
        i = Math.min(end + 1, s.length());
      } else if (c == '"') {
        i++;
        doubleQuoted(w);
      } else if (c == '\\') {
        if (i + 1 < s.length()) w.append(s.charAt(i + 1));
        i += 2;
      } else if (c == '$') {
        dollar(w);
      } else if (c == '`') {
        backquoted(w);
      } else {
        w.append(c);
        i++;
      }
    }
    return w.toString();
  }

  private void doubleQuoted(StringBuilder w) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        i++;
        return;
      } else if (c == '\\' && "$`\"\\\n".indexOf(peek(1)) >= 0 && peek(1) != '\0') {
        if (peek(1) == '\n') line++;
        else w.append(peek(1));
        i += 2;
      } else if (c == '$') {
        dollar(w);
      } else if (c == '`') {
        backquoted(w);
      } else {
        if (c == '\n') line++;
        w.append(c);
        i++;
      }
    }
  }

  /** At {@code $}: an expansion becomes the placeholder; a lone {@code $} stays itself. */
  private void dollar(StringBuilder w) {
    char next = peek(1);
    if (next == '{') {
      i = matching(i + 1, '{', '}');
    } else if (next == '(' && peek(2) == '(') {
      i = matching(i + 1, '(', ')');
    } else if (next == '(') {
      int start = i + 2;
      int startLine = line;
      i = matching(i + 1, '(', ')');
      String inner = s.substring(start, Math.max(start, i - 1));
      commands.addAll(parse(inner, startLine));
      line += (int) inner.chars().filter(ch -> ch == '\n').count();
    } else if (Character.isLetter(next) || next == '_') {
      i++;
      while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
    } else if (Character.isDigit(next) || "@*#?$!-".indexOf(next) >= 0 && next != '\0') {
      i += 2;
    } else {
      w.append('$');
      i++;
      return;
    }
    w.append(PLACEHOLDER);
  }

  private void backquoted(StringBuilder w) {
    int end = s.indexOf('`', i + 1);
    if (end < 0) end = s.length();
    String inner = s.substring(i + 1, end);
    commands.addAll(parse(inner, line));
    line += (int) inner.chars().filter(ch -> ch == '\n').count();
    i = Math.min(end + 1, s.length());
    w.append(PLACEHOLDER);
  }

  /** The index after the bracket closing the one at {@code open}, skipping quoted text. */
  private int matching(int open, char opening, char closing) {
    int depth = 0;
    int j = open;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == '\'') {
        int end = s.indexOf('\'', j + 1);
        j = end < 0 ? s.length() : end + 1;
        continue;
      }
      if (c == opening) depth++;
      if (c == closing && --depth == 0) return j + 1;
      j++;
    }
    return s.length();
  }

  private void endCommand() {
    int start = 0;
    while (start < words.size()
        && (LEADING_KEYWORDS.contains(words.get(start)) || words.get(start).matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
      start++;
    }
    if (start < words.size()) commands.add(new Command(commandLine, words.subList(start, words.size())));
    words.clear();
  }
}
