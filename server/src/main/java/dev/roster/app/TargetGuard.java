package dev.roster.app;

import dev.roster.domain.DomainError;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps webhook deliveries off the server's own network (SSRF): a URL whose host resolves to a loopback, link-local,
 * private, unique-local, multicast or unspecified address is refused, unless the operator allows private targets.
 * Checked when an endpoint is saved and again before every delivery, since what a name resolves to can change.
 */
public final class TargetGuard {
    private final boolean allowPrivate;

    public TargetGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** For a new or changed endpoint: a refused address is a 400 on {@code url}; a name that does not resolve passes. */
    void requireAllowed(String url) {
        try {
            refusal(url).ifPresent(why -> {
                throw DomainError.invalidField("url", why);
            });
        } catch (UnknownHostException e) {
            // Not resolvable yet is no proof of harm; the check before each delivery still applies.
        }
    }

    /** Why a delivery to {@code url} must not be made, if it must not. */
    public Optional<String> refusal(String url) throws UnknownHostException {
        URI uri = URI.create(url);
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            return Optional.of("must start with http:// or https://");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            if (isInternal(address)) {
                return Optional.of("resolves to a loopback, private or otherwise internal address ("
                        + address.getHostAddress() + "), which this server does not deliver to");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            if (isMappedIpv4(b)) {
                try {
                    return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
        // 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8 are as internal as the private ranges.
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || b[0] == 0;
    }

    private static boolean isMappedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
