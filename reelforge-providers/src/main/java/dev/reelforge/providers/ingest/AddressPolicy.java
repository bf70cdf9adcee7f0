package dev.reelforge.providers.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which addresses a user's link may make us connect to: public unicast only. Everything a server
 * can reach but the internet cannot is refused — loopback, private and carrier-grade NAT ranges,
 * link-local (where cloud metadata services live), multicast, reserved and documentation ranges —
 * for IPv4 and IPv6, including IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64,
 * 6to4), since those reach the embedded address.
 */
public final class AddressPolicy {

  /** The policy for links from users. */
  public static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(Set.of());

  private static final List<Range> BLOCKED_V4 =
      List.of(
          new Range("0.0.0.0", 8, "this-network"),
          new Range("10.0.0.0", 8, "private"),
          new Range("100.64.0.0", 10, "carrier-grade NAT"),
          new Range("127.0.0.0", 8, "loopback"),
          new Range("169.254.0.0", 16, "link-local / cloud metadata"),
          new Range("172.16.0.0", 12, "private"),
          new Range("192.0.0.0", 24, "IETF protocol assignments / metadata"),
          new Range("192.0.2.0", 24, "documentation"),
          new Range("192.88.99.0", 24, "6to4 relay"),
          new Range("192.168.0.0", 16, "private"),
          new Range("198.18.0.0", 15, "benchmarking"),
          new Range("198.51.100.0", 24, "documentation"),
          new Range("203.0.113.0", 24, "documentation"),
          new Range("224.0.0.0", 4, "multicast"),
          new Range("240.0.0.0", 4, "reserved / broadcast"));

  private static final List<Range> BLOCKED_V6 =
      List.of(
          new Range("::", 128, "unspecified"),
          new Range("::1", 128, "loopback"),
          new Range("100::", 64, "discard"),
          new Range("2001:db8::", 32, "documentation"),
          new Range("fc00::", 7, "unique-local (private)"),
          new Range("fe80::", 10, "link-local"),
          new Range("fec0::", 10, "site-local"),
          new Range("ff00::", 8, "multicast"));

  private final Set<InetAddress> trusted;

  private AddressPolicy(Set<InetAddress> trusted) {
    this.trusted = Set.copyOf(trusted);
  }

  /**
   * The public-only policy plus these exact addresses: for tests against a local server, or an
   * operator's deliberate exception. Nothing else in a blocked range becomes reachable.
   */
  public static AddressPolicy publicAnd(InetAddress... trusted) {
    return new AddressPolicy(Set.of(trusted));
  }

  /** Why {@code address} may not be connected to, or empty when it may. */
  public Optional<String> refusal(InetAddress address) {
    if (trusted.contains(address)) {
      return Optional.empty();
    }
    return blockedRange(address);
  }

  static Optional<String> blockedRange(InetAddress address) {
    if (address instanceof Inet4Address v4) {
      return match(BLOCKED_V4, v4.getAddress());
    }
    byte[] bytes = ((Inet6Address) address).getAddress();
    Optional<String> v6 = match(BLOCKED_V6, bytes);
    if (v6.isPresent()) {
      return v6;
    }
    return embeddedV4(bytes)
        .flatMap(v4 -> match(BLOCKED_V4, v4))
        .map(reason -> reason + " (embedded in an IPv6 address)");
  }

  /**
   * The IPv4 address an IPv6 address stands for: IPv4-mapped ({@code ::ffff:a.b.c.d}),
   * IPv4-compatible ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::a.b.c.d}) and 6to4 ({@code
   * 2002:aabb:ccdd::}).
   */
  private static Optional<byte[]> embeddedV4(byte[] v6) {
    boolean zeroPrefix = allZero(v6, 0, 10);
    boolean mapped = zeroPrefix && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
    boolean compatible = zeroPrefix && v6[10] == 0 && v6[11] == 0;
    boolean nat64 =
        v6[0] == 0
            && (v6[1] & 0xff) == 0x64
            && (v6[2] & 0xff) == 0xff
            && (v6[3] & 0xff) == 0x9b
            && allZero(v6, 4, 12);
    if (mapped || compatible || nat64) {
      return Optional.of(new byte[] {v6[12], v6[13], v6[14], v6[15]});
    }
    if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
      return Optional.of(new byte[] {v6[2], v6[3], v6[4], v6[5]});
    }
    return Optional.empty();
  }

  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> match(List<Range> ranges, byte[] address) {
    return ranges.stream().filter(r -> r.contains(address)).findFirst().map(Range::reason);
  }

  private record Range(byte[] base, int prefix, String reason) {

    Range(String base, int prefix, String reason) {
      this(parse(base), prefix, reason);
    }

    boolean contains(byte[] address) {
      if (address.length != base.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != base[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (base[full] & mask);
    }

    private static byte[] parse(String literal) {
      try {
        // A literal is parsed without any lookup.
        return InetAddress.getByName(literal).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(literal, e);
      }
    }
  }
}
