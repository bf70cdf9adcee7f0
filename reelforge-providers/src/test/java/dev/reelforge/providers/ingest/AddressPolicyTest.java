package dev.reelforge.providers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

  @ParameterizedTest(name = "{0} is refused ({1})")
  @CsvSource({
    "127.0.0.1, loopback",
    "127.255.255.254, loopback",
    "0.0.0.0, this-network",
    "10.1.2.3, private",
    "172.16.0.1, private",
    "172.31.255.255, private",
    "192.168.1.1, private",
    "100.64.0.1, carrier-grade NAT",
    "100.100.100.200, carrier-grade NAT",
    "169.254.169.254, link-local",
    "169.254.0.1, link-local",
    "192.0.0.192, metadata",
    "224.0.0.1, multicast",
    "239.255.255.250, multicast",
    "255.255.255.255, broadcast",
    "198.18.0.1, benchmarking",
    "::1, loopback",
    "::, unspecified",
    "fe80::1, link-local",
    "fc00::1, unique-local",
    "fd00:ec2::254, unique-local",
    "ff02::1, multicast",
    "::ffff:127.0.0.1, loopback",
    "::ffff:169.254.169.254, link-local",
    "::10.0.0.1, private",
    "64:ff9b::a9fe:a9fe, link-local",
    "2002:a00:1::, private",
    "2002:7f00:1::, loopback"
  })
  void blockedRangesAreRefused(String literal, String reason) throws UnknownHostException {
    assertThat(AddressPolicy.PUBLIC_ONLY.refusal(InetAddress.getByName(literal)))
        .hasValueSatisfying(r -> assertThat(r).contains(reason));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "93.184.216.34",
        "172.32.0.1",
        "100.128.0.1",
        "2606:4700:4700::1111",
        "2a00:1450:4001:82b::200e",
        "64:ff9b::808:808",
        "2002:808:808::"
      })
  void publicAddressesAreAllowed(String literal) throws UnknownHostException {
    assertThat(AddressPolicy.PUBLIC_ONLY.refusal(InetAddress.getByName(literal))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.2", "10.0.0.1", "::1"})
  void trustingOneAddressOpensNothingElse(String literal) throws UnknownHostException {
    AddressPolicy policy = AddressPolicy.publicAnd(InetAddress.getByName("127.0.0.1"));
    assertThat(policy.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
    assertThat(policy.refusal(InetAddress.getByName(literal))).isPresent();
  }
}
