package io.roleform.plan;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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

  /**
   * Signs a file as it is streamed to {@code out}: write the unsigned file (ending with an empty
   * signature field) to the returned stream, then {@link Signing#finish}.
   */
  static Signing signing(OutputStream out, String key) {
    return new Signing(out, mac(key));
  }

  /**
   * A stream that passes an unsigned plan file on to its target as it comes, except its last bytes
   * (the empty signature field and the closing brace, {@link #EMPTY_TRAILER}), and feeds every byte
   * to the HMAC; {@link #finish} then writes the trailer with the signature filled in. The target
   * receives exactly the signed file, and the HMAC covers exactly the unsigned one, as {@link
   * #check} recomputes it.
   */
  static final class Signing extends OutputStream {
    private static final byte[] TRAILER_BYTES = EMPTY_TRAILER.getBytes(StandardCharsets.UTF_8);

    private final OutputStream out;
    private final Mac mac;
    private final byte[] tail = new byte[TRAILER_BYTES.length];
    private int held;

    private Signing(OutputStream out, Mac mac) {
      this.out = out;
      this.mac = mac;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      mac.update(b, off, len);
      int release = held + len - tail.length; // bytes no longer among the last ones
      if (release <= 0) {
        System.arraycopy(b, off, tail, held, len);
        held += len;
        return;
      }
      int fromTail = Math.min(held, release);
      out.write(tail, 0, fromTail);
      int fromB = release - fromTail;
      out.write(b, off, fromB);
      int kept = held - fromTail;
      System.arraycopy(tail, fromTail, tail, 0, kept);
      System.arraycopy(b, off + fromB, tail, kept, len - fromB);
      held = tail.length;
    }

    /** Writes the signed trailer in place of the empty one. */
    void finish() throws IOException {
      if (held != tail.length || !Arrays.equals(tail, TRAILER_BYTES)) {
        throw new IllegalArgumentException("not an unsigned plan");
      }
      out.write((",\n  \"signature\": \"" + HexFormat.of().formatHex(mac.doFinal()) + "\"\n}\n")
          .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
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
    return HexFormat.of().formatHex(mac(key).doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }

  private static Mac mac(String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA-256 is missing from this Java runtime", e);
    }
  }

  static boolean equalHex(String a, String b) {
    return a != null && b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
