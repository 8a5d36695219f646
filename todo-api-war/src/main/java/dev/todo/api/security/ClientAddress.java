package dev.todo.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client a request is for. {@code X-Forwarded-For} is believed only as far as trusted proxies
 * ({@code TRUSTED_PROXIES}, a regular expression of addresses; loopback by default) wrote it: from the peer leftwards,
 * every trusted proxy is skipped, and the first address that is not one is the client. A client cannot forge its way
 * past that: whatever it puts in the header stands to the left of the address its first trusted proxy appended.
 *
 * <p>Read here rather than by Liberty's {@code <remoteIp>}, which takes the leftmost address, and only when every
 * other address is a trusted proxy: a client that sends any header at all through an ingress would then count as
 * the ingress, and lock out everyone behind it.
 */
@ApplicationScoped
public class ClientAddress {

    public static final String DEFAULT_TRUSTED_PROXIES = "127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|0:0:0:0:0:0:0:1|::1";
    private static final int LONGEST_ADDRESS = 100;

    private final Pattern trusted;

    @Inject
    ClientAddress(@ConfigProperty(name = "TRUSTED_PROXIES", defaultValue = DEFAULT_TRUSTED_PROXIES) String proxies) {
        this.trusted = Pattern.compile(proxies.isBlank() ? DEFAULT_TRUSTED_PROXIES : proxies.strip());
    }

    /** For CDI's proxy. */
    protected ClientAddress() {
        this.trusted = Pattern.compile(DEFAULT_TRUSTED_PROXIES);
    }

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    /** The client, given the peer's address and the X-Forwarded-For headers in the order they came. */
    public String of(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        });
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!isTrusted(hops.get(i)) || i == 0) {
                return shortened(hops.get(i));
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        return address != null && trusted.matcher(address).matches();
    }

    private static String shortened(String address) {
        return address.length() <= LONGEST_ADDRESS ? address : address.substring(0, LONGEST_ADDRESS);
    }
}
