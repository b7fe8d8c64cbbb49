package io.roleform.plan;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 signatures of saved plan files ({@code ROLEFORM_PLAN_KEY}).
 *
 * <p>The signature is the last field of the file, {@code "signature": "<64 hex digits>"}; it signs
 * the file's exact bytes with that field's value empty, so changing any byte — whitespace included —
 * breaks it. Comparisons take constant time.
 */
public final class PlanSignature {
  private static final Pattern TRAILER = Pattern.compile(",\\n  \"signature\": \"([0-9a-f]{64})\"\\n}\\n\\z");
  static final String EMPTY_TRAILER = ",\n  \"signature\": \"\"\n}\n";

  private PlanSignature() {}

  /** What checking a file's signature found. */
  public enum Check {
    VALID,
    UNSIGNED,
    WRONG
  }

  /** {@code unsigned} (ending with an empty signature field) with the signature filled in. */
  static String sign(String unsigned, String key) {
    if (!unsigned.endsWith(EMPTY_TRAILER)) throw new IllegalArgumentException("not an unsigned plan");
    String mac = hmacHex(key, unsigned);
    return unsigned.substring(0, unsigned.length() - EMPTY_TRAILER.length())
        + ",\n  \"signature\": \"" + mac + "\"\n}\n";
  }

  /** Checks the signature of a plan file's text with {@code key}. */
  public static Check check(String text, String key) {
    Matcher m = TRAILER.matcher(text);
    if (!m.find()) return Check.UNSIGNED;
    String unsigned = text.substring(0, m.start()) + EMPTY_TRAILER;
    return equalHex(hmacHex(key, unsigned), m.group(1)) ? Check.VALID : Check.WRONG;
  }

  /** Whether the text ends with a signature field (signed, validly or not). */
  public static boolean isSigned(String text) {
    return TRAILER.matcher(text).find();
  }

  static String hmacHex(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA-256 is missing from this Java runtime", e);
    }
  }

  static boolean equalHex(String a, String b) {
    return a != null && b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
