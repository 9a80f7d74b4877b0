package dk.amu.catalogue.notifier.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dk.amu.catalogue.notifier.system.NotifierProperties;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may go. A school chooses the URL, so without this check it could make the
 * notifier call the service's own network (SSRF). Every address the host resolves to is checked,
 * at registration and again before each send, and numeric hosts in the shorthand forms resolvers
 * accept ({@code 2130706433}, {@code 0x7f000001}, {@code 127.1}, {@code 0177.0.0.1}) are decoded here
 * rather than left to whichever resolver runs.
 *
 * <p>The addresses {@link #check} returns are the ones to connect to: the webhook sender connects
 * to them and resolves nothing itself, so a name that resolves to a public address when checked and
 * to an internal one a moment later (DNS rebinding) cannot lead a webhook inward.
 */
@Component
public class OutboundTargets {

    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}");

    /** How a host name becomes addresses: the JDK's resolver, or a test's DNS that changes its answer. */
    @FunctionalInterface
    public interface Resolver {

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;

    private final Resolver resolver;

    @org.springframework.beans.factory.annotation.Autowired
    public OutboundTargets(NotifierProperties properties) {
        this(properties.allowPrivateTargets());
    }

    OutboundTargets(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public OutboundTargets(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Parses and checks a URL a school gives. */
    public URI checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        }
        catch (java.net.URISyntaxException ex) {
            throw new UnsafeTargetException("webhookUrl is not a URL: " + ex.getMessage());
        }
        check(uri);
        return uri;
    }

    /**
     * Resolves the host once and checks every address it resolves to.
     *
     * @return the addresses the host resolves to, all of them allowed: the only ones to connect to
     * @throws UnsafeTargetException when the scheme is not http(s), the host does not resolve, or
     *                               any address is loopback, private, link-local, unique-local or unspecified
     */
    public List<InetAddress> check(URI uri) {
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UnsafeTargetException("webhookUrl must be an http or https URL, not '" + scheme + "'");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw new UnsafeTargetException("webhookUrl must not carry a user name or password");
        }
        var host = host(uri);
        if (host == null || host.isBlank()) {
            throw new UnsafeTargetException("webhookUrl has no host");
        }
        var addresses = resolve(host.toLowerCase(Locale.ROOT));
        if (!allowPrivate) {
            for (var address : addresses) {
                if (isInternal(address)) {
                    throw new UnsafeTargetException("webhookUrl " + host + " resolves to " + address.getHostAddress()
                            + ", an internal address (loopback, private, link-local or unspecified); use a public address");
                }
            }
        }
        return addresses;
    }

    /** java.net.URI gives no host for {@code 127.1} or {@code 0x0a.0.0.1}; the HTTP client would still connect to them. */
    public static String host(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        var authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            return end < 0 ? null : authority.substring(0, end + 1);
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    /** The URL's port, also where java.net.URI could not parse the authority (see {@link #host}); -1 for the scheme's default. */
    public static int port(URI uri) {
        if (uri.getPort() != -1 || uri.getHost() != null || uri.getRawAuthority() == null) {
            return uri.getPort();
        }
        var authority = uri.getRawAuthority();
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || colon < authority.lastIndexOf(']')) {
            return -1;
        }
        try {
            return Integer.parseInt(authority.substring(colon + 1));
        }
        catch (NumberFormatException ex) {
            throw new UnsafeTargetException("webhookUrl has no valid port: " + authority);
        }
    }

    private List<InetAddress> resolve(String host) {
        try {
            if (host.startsWith("[") && host.endsWith("]")) {
                return List.of(InetAddress.getByName(host.substring(1, host.length() - 1)));
            }
            if (NUMERIC_HOST.matcher(host).matches()) {
                return List.of(numericV4(host));
            }
            var addresses = resolver.resolve(host);
            if (addresses == null || addresses.length == 0) {
                throw new UnknownHostException(host);
            }
            return List.of(addresses);
        }
        catch (UnknownHostException | NumberFormatException ex) {
            throw new UnsafeTargetException("webhookUrl host " + host + " does not resolve");
        }
    }

    /** The inet_aton forms: 1 to 4 parts, each decimal, octal (leading 0) or hex (0x); the last fills the rest. */
    static InetAddress numericV4(String host) throws UnknownHostException {
        var parts = host.split("\\.");
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            long part = parse(parts[i]);
            boolean last = i == parts.length - 1;
            int bits = last ? 8 * (4 - i) : 8;
            if (part >= (1L << bits)) {
                throw new UnknownHostException(host);
            }
            value = last ? value << bits | part : value << 8 | part;
        }
        var bytes = new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value };
        return InetAddress.getByAddress(host, bytes);
    }

    private static long parse(String part) {
        if (part.startsWith("0x")) {
            return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
        }
        if (part.length() > 1 && part.startsWith("0")) {
            return Long.parseLong(part.substring(1), 8);
        }
        return Long.parseLong(part);
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        var bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || first == 100 && (second & 0xc0) == 64 // carrier-grade NAT, 100.64/10
                    || first == 198 && (second & 0xfe) == 18 // benchmarking, 198.18/15
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true; // unique local, fc00::/7
            }
            if ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0xc0) {
                return true; // old site-local, fec0::/10
            }
            if (embedsV4(bytes)) {
                try {
                    return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                }
                catch (UnknownHostException ex) {
                    return true;
                }
            }
        }
        return false;
    }

    /** ::a.b.c.d (compatible), ::ffff:a.b.c.d (mapped, where the JDK has not turned it into IPv4 already), 64:ff9b::/96 (NAT64). */
    private static boolean embedsV4(byte[] bytes) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= bytes[i] == 0;
        }
        if (zeros && (bytes[10] == 0 && bytes[11] == 0 || bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff)) {
            return true;
        }
        return bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b;
    }
}
