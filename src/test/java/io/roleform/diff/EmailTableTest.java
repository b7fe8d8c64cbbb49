package io.roleform.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.roleform.portal.LiveUser;
import io.roleform.portal.UserStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link EmailTable} against a {@code HashMap} by {@code toLowerCase(Locale.ROOT)} filled in list
 * order: the same user (the last one of a key) or none, for emails of every kind — short and long
 * around the packed length, upper and lower case, non-ASCII (one that lower-cases to ASCII),
 * duplicates — looked up one by one and as lists.
 */
class EmailTableTest {

  private static final String[] ODD = {"\u212A", "İ", "ß", "Ü", "é", "\u0000", "Σ", "ς"};

  @Property(tries = 300)
  void findsWhatAHashMapByLowerCasedEmailFinds(@ForAll long seed) {
    Random r = new Random(seed);
    List<LiveUser> users = new ArrayList<>();
    for (int i = 0, n = r.nextInt(80); i < n; i++) {
      String email = i > 0 && r.nextInt(8) == 0 ? vary(r, users.get(r.nextInt(i)).email()) : email(r);
      users.add(new LiveUser("u" + i, email, "F", "L", UserStatus.ACTIVE, false));
    }
    Map<String, Integer> reference = new HashMap<>();
    for (int i = 0; i < users.size(); i++) reference.put(users.get(i).email().toLowerCase(Locale.ROOT), i);
    EmailTable table = new EmailTable(users);

    List<String> wanted = new ArrayList<>();
    for (int k = 0; k < 60; k++) {
      wanted.add(!users.isEmpty() && r.nextBoolean() ? vary(r, users.get(r.nextInt(users.size())).email()) : email(r));
    }
    int[] all = new int[wanted.size()];
    table.indexesOf(wanted, all);
    for (int k = 0; k < wanted.size(); k++) {
      String email = wanted.get(k);
      int expected = reference.getOrDefault(email.toLowerCase(Locale.ROOT), -1);
      assertThat(table.indexOf(email)).as(email).isEqualTo(expected);
      assertThat(all[k]).as(email).isEqualTo(expected);
    }
  }

  @Test
  void keysAroundThePackedLengthAndCaseFoldingToAscii() {
    String at23 = "abcdefghij@klmnopq.rstu"; // 23 characters: packed
    String at24 = "abcdefghij@klmnopq.rstuv"; // 24: compared as a string
    assertThat(at23).hasSize(EmailTable.PACKED);
    List<LiveUser> users = List.of(user(at23), user(at24), user("k@x.io"), user("K@X.IO"), user("a\u0000@x.io"));
    EmailTable table = new EmailTable(users);
    assertThat(table.indexOf(at23.toUpperCase(Locale.ROOT))).isEqualTo(0);
    assertThat(table.indexOf(at24.toUpperCase(Locale.ROOT))).isEqualTo(1);
    assertThat(table.indexOf(at23.substring(0, 22))).isEqualTo(-1);
    assertThat(table.indexOf(at24.substring(0, 23).toUpperCase(Locale.ROOT))).isEqualTo(0); // that is at23
    assertThat(table.indexOf(at24 + "w")).isEqualTo(-1);
    assertThat(table.indexOf("x" + at23.substring(1))).isEqualTo(-1);
    assertThat(table.indexOf("\u212A@x.io")).isEqualTo(3); // the Kelvin sign lower-cases to k; the later user wins
    assertThat(table.indexOf("a@x.io")).isEqualTo(-1);
    assertThat(table.indexOf("a\u0000@X.IO")).isEqualTo(4);
    assertThat(new EmailTable(List.of()).indexOf("a@x.io")).isEqualTo(-1);
  }

  private static LiveUser user(String email) {
    return new LiveUser("id-" + email, email, "F", "L", UserStatus.ACTIVE, false);
  }

  private static String email(Random r) {
    StringBuilder b = new StringBuilder();
    int length = r.nextInt(4) == 0 ? 15 + r.nextInt(15) : 1 + r.nextInt(8);
    for (int i = 0; i < length; i++) {
      b.append(r.nextInt(12) == 0 ? ODD[r.nextInt(ODD.length)] : String.valueOf((char) ('a' + r.nextInt(3))));
    }
    return b.append(r.nextBoolean() ? "@acme.example" : "@x.io").toString();
  }

  /** The same email spelled otherwise: letters in other cases. */
  private static String vary(Random r, String email) {
    StringBuilder b = new StringBuilder();
    for (char c : email.toCharArray()) {
      b.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return b.toString();
  }
}
