package dev.todo.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    /** The web pods and an ingress, as a cluster would list them. */
    private final ClientAddress address = new ClientAddress("10\\.1\\.\\d{1,3}\\.\\d{1,3}|10\\.9\\.0\\.1");

    @Test
    void withoutATrustedPeerTheHeaderIsIgnored() {
        assertThat(address.of("203.0.113.5", List.of("198.51.100.7"))).isEqualTo("203.0.113.5");
    }

    @Test
    void theClientIsTheFirstUntrustedAddressFromTheRight() {
        assertThat(address.of("10.1.0.4", List.of("6.6.6.6, 198.51.100.7, 10.9.0.1")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void severalHeadersAreOneListInTheirOrder() {
        assertThat(address.of("10.1.0.4", List.of("6.6.6.6", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
        assertThat(address.of("10.1.0.4", List.of("10.1.0.9, 10.9.0.1"))).isEqualTo("10.1.0.9");
    }

    @Test
    void aTrustedPeerWithoutAHeaderIsTheClient() {
        assertThat(address.of("10.1.0.4", List.of())).isEqualTo("10.1.0.4");
    }

    @Test
    void theDefaultTrustsLoopbackOnly() {
        ClientAddress loopback = new ClientAddress(ClientAddress.DEFAULT_TRUSTED_PROXIES);

        assertThat(loopback.of("127.0.0.1", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(loopback.of("::1", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(loopback.of("10.0.0.3", List.of("198.51.100.7"))).isEqualTo("10.0.0.3");
    }
}
