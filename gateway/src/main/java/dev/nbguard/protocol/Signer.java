package dev.nbguard.protocol;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies messages the way jupyter_client's {@code Session} does: lowercase hex
 * HMAC over header‖parent_header‖metadata‖content with the connection file's key. An empty key
 * disables signing: the signature is empty and every message verifies.
 *
 * <p>Thread-safe and immutable. {@link Mac} is not thread-safe, so one keyed {@code Mac} is kept
 * as a prototype that is never used directly, and each call works on its own {@code clone()} of
 * it (cheap: it copies a few hundred bytes of hash state; no key schedule, no provider lookup,
 * no shared mutable state, no ThreadLocal to leak across Vert.x event loops).
 */
public final class Signer {

  /** jupyter_client's default scheme. */
  public static final String DEFAULT_SCHEME = "hmac-sha256";

  private static final Map<String, String> JCA_NAMES =
      Map.ofEntries(
          Map.entry("md5", "HmacMD5"),
          Map.entry("sha1", "HmacSHA1"),
          Map.entry("sha224", "HmacSHA224"),
          Map.entry("sha256", "HmacSHA256"),
          Map.entry("sha384", "HmacSHA384"),
          Map.entry("sha512", "HmacSHA512"),
          Map.entry("sha512_224", "HmacSHA512/224"),
          Map.entry("sha512_256", "HmacSHA512/256"),
          Map.entry("sha3_224", "HmacSHA3-224"),
          Map.entry("sha3_256", "HmacSHA3-256"),
          Map.entry("sha3_384", "HmacSHA3-384"),
          Map.entry("sha3_512", "HmacSHA3-512"));

  private static final HexFormat HEX = HexFormat.of();

  private final String scheme;
  private final byte[] key;
  private final Optional<Mac> prototype;

  private Signer(String scheme, byte[] key, Optional<Mac> prototype) {
    this.scheme = scheme;
    this.key = key;
    this.prototype = prototype;
  }

  /**
   * A signer for {@code key} (the connection file's {@code key}, as bytes) and {@code scheme}
   * ({@code hmac-<hashlib name>}, e.g. {@code hmac-sha256}).
   *
   * @throws IllegalArgumentException for a scheme jupyter_client would refuse or Java lacks
   */
  public static Signer of(byte[] key, String scheme) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(scheme, "scheme");
    if (!scheme.startsWith("hmac-")) {
      throw new IllegalArgumentException(
          "signature_scheme must start with 'hmac-', got '" + scheme + "'");
    }
    String jca = JCA_NAMES.get(scheme.substring(5));
    if (jca == null) {
      throw new IllegalArgumentException(
          "unsupported signature_scheme '" + scheme + "' (supported: hmac-"
              + String.join(", hmac-", JCA_NAMES.keySet().stream().sorted().toList()) + ")");
    }
    byte[] keyCopy = key.clone();
    if (keyCopy.length == 0) {
      return new Signer(scheme, keyCopy, Optional.empty());
    }
    try {
      Mac mac = Mac.getInstance(jca);
      mac.init(new SecretKeySpec(keyCopy, jca));
      mac.clone(); // fail now, not per message, if the provider cannot clone
      return new Signer(scheme, keyCopy, Optional.of(mac));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("this Java has no " + jca + " for '" + scheme + "'", e);
    } catch (InvalidKeyException | CloneNotSupportedException e) {
      throw new IllegalArgumentException("cannot use the key with " + jca, e);
    }
  }

  /** A signer with the default scheme; {@code key} is a connection file's key string. */
  public static Signer of(String key) {
    return of(key.getBytes(StandardCharsets.UTF_8), DEFAULT_SCHEME);
  }

  /** A signer that does not sign (empty key). */
  public static Signer unsigned() {
    return of(new byte[0], DEFAULT_SCHEME);
  }

  public String scheme() {
    return scheme;
  }

  /** False for an empty key: signatures are empty and verification always passes. */
  public boolean isSigning() {
    return prototype.isPresent();
  }

  /** True when {@code other} would produce the same signatures as this signer. */
  public boolean sameKeyAs(Signer other) {
    return other == this
        || (scheme.equals(other.scheme) && MessageDigest.isEqual(key, other.key));
  }

  /** The lowercase hex signature, as ASCII bytes; empty when not signing. */
  public Bytes sign(Bytes header, Bytes parentHeader, Bytes metadata, Bytes content) {
    if (prototype.isEmpty()) {
      return Bytes.EMPTY;
    }
    Mac mac = freshMac(prototype.get());
    update(mac, header);
    update(mac, parentHeader);
    update(mac, metadata);
    update(mac, content);
    return Bytes.wrap(HEX.formatHex(mac.doFinal()).getBytes(StandardCharsets.US_ASCII));
  }

  /** The signature of {@code message}'s four dict parts. */
  public Bytes sign(JupyterMessage message) {
    return sign(message.headerBytes(), message.parentHeaderBytes(), message.metadataBytes(),
        message.contentBytes());
  }

  /**
   * Checks {@code signature} in constant time (for a given length). With an empty key every
   * signature passes, as in jupyter_client; with a key an empty signature fails.
   */
  public boolean verify(
      Bytes signature, Bytes header, Bytes parentHeader, Bytes metadata, Bytes content) {
    if (prototype.isEmpty()) {
      return true;
    }
    byte[] expected = sign(header, parentHeader, metadata, content).toArray();
    return MessageDigest.isEqual(expected, signature.toArray());
  }

  private static void update(Mac mac, Bytes part) {
    mac.update(part.array(), part.offset(), part.length());
  }

  private static Mac freshMac(Mac prototype) {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("Mac.clone() worked at construction, not now", e);
    }
  }

  @Override
  public String toString() {
    return "Signer[" + scheme + (isSigning() ? ", keyed]" : ", unsigned]");
  }
}
