package dev.nbguard.protocol;

import java.util.Objects;

/**
 * A signature that {@code signer} verified on the message's current dict parts. An encoder
 * toward a peer with the same key may forward these bytes instead of signing again.
 */
public record Signature(Bytes hex, Signer signer) {

  public Signature {
    Objects.requireNonNull(hex, "hex");
    Objects.requireNonNull(signer, "signer");
  }
}
