package dk.amu.catalogue.notifier.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook targets inside private networks are refused, in every spelling a resolver accepts. */
class OutboundTargetsTests {

    private final OutboundTargets denying = new OutboundTargets(false);

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1/x", "http://localhost/x", "http://0x7f000001/x", "http://2130706433/x",
            "http://0177.0.0.1/x", "http://127.1/x", "http://[::ffff:127.0.0.1]/x", "http://[::1]/x", "http://0.0.0.0/x",
            "http://[::]/x", "http://10.0.0.1/x", "http://172.16.5.4/x", "http://192.168.1.1/x", "http://169.254.169.254/x",
            "http://[fe80::1]/x", "http://[fc00::1]/x", "http://[fd12:3456::1]/x", "http://100.64.0.1/x",
            "http://[::ffff:10.0.0.1]/x", "http://[::ffff:7f00:1]/x", "http://[64:ff9b::7f00:1]/x", "http://0/x",
            "http://0x0a.0.0.1/x", "http://167772161/x" })
    void shouldRefuseInternalAddresses(String url) {
        assertThatThrownBy(() -> denying.checkUrl(url)).isInstanceOf(UnsafeTargetException.class)
                .hasMessageContaining("internal address");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://example.org/x", "file:///etc/passwd", "gopher://example.org/", "javascript:alert(1)",
            "http:///nohost", "http://user:pw@93.184.216.34/x" })
    void shouldRefuseOtherSchemesAndMalformedUrls(String url) {
        assertThatThrownBy(() -> denying.checkUrl(url)).isInstanceOf(UnsafeTargetException.class);
    }

    @Test
    void shouldAcceptPublicAddresses() {
        assertThat(denying.check(URI.create("https://93.184.216.34/hook"))).isNotEmpty();
        assertThat(denying.check(URI.create("http://[2606:4700::6810:85e5]/hook"))).isNotEmpty();
    }

    @Test
    void shouldCheckEveryAddressANameResolvesTo() {
        OutboundTargets.Resolver dns = host -> new InetAddress[] { InetAddress.getByName("93.184.216.34"),
                InetAddress.getByName("169.254.169.254") };
        assertThatThrownBy(() -> new OutboundTargets(false, dns).check(URI.create("https://hooks.school.test/x")))
                .isInstanceOf(UnsafeTargetException.class).hasMessageContaining("169.254.169.254");
    }

    @Test
    void shouldReturnTheAddressesItCheckedFromOneLookup() throws Exception {
        var lookups = new java.util.concurrent.atomic.AtomicInteger();
        var publicAddress = InetAddress.getByName("93.184.216.34");
        OutboundTargets.Resolver dns = host -> {
            lookups.incrementAndGet();
            return new InetAddress[] { publicAddress };
        };
        assertThat(new OutboundTargets(false, dns).check(URI.create("https://hooks.school.test/x"))).containsExactly(publicAddress);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void shouldAllowPrivateTargetsOnlyWhenAsked() {
        assertThat(new OutboundTargets(true).check(URI.create("http://127.0.0.1:8080/hook"))).isNotEmpty();
    }

    @Test
    void shouldDecodeTheShorthandFormsAsInetAtonDoes() throws Exception {
        assertThat(OutboundTargets.numericV4("2130706433").getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(OutboundTargets.numericV4("0x7f000001").getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(OutboundTargets.numericV4("127.1").getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(OutboundTargets.numericV4("0300.0250.1.1").getHostAddress()).isEqualTo("192.168.1.1");
        assertThat(OutboundTargets.isInternal(InetAddress.getByName("8.8.8.8"))).isFalse();
    }
}
