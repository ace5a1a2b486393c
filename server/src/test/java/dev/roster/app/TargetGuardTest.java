package dev.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a webhook may not be sent to without the operator's flag. */
class TargetGuardTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
        "0.0.0.0", "100.64.0.1", "224.0.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1"})
    void internalAddressesAreRefused(String address) throws UnknownHostException {
        assertThat(TargetGuard.isInternal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::1111",
        "::ffff:8.8.8.8"})
    void publicAddressesPass(String address) throws UnknownHostException {
        assertThat(TargetGuard.isInternal(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/x", "http://[::1]:8080/x", "http://10.0.0.1/x"})
    void theFlagLetsThemThrough(String url) throws UnknownHostException {
        assertThat(new TargetGuard(true).refusal(url)).isEmpty();
        assertThat(new TargetGuard(false).refusal(url)).isPresent();
    }
}
