package dev.todo.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the browser being served. {@code X-Forwarded-For} is believed only as far as trusted proxies in
 * front ({@code TRUSTED_PROXIES}, a regular expression of addresses, loopback by default; in a cluster the ingress)
 * wrote it: from the peer leftwards every trusted proxy is skipped, and the first other address is the browser's.
 * What a browser writes in the header itself stands further left and is never reached. The API reads the same way
 * what this server sends it, with this server among its trusted proxies.
 */
@RequestScoped
public class BrowserAddress {

    static final String DEFAULT_TRUSTED_PROXIES = "127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|0:0:0:0:0:0:0:1|::1";

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "TRUSTED_PROXIES", defaultValue = DEFAULT_TRUSTED_PROXIES)
    String trustedProxies;

    public String address() {
        Pattern trusted = Pattern.compile(trustedProxies.isBlank() ? DEFAULT_TRUSTED_PROXIES : trustedProxies.strip());
        String peer = request.getRemoteAddr();
        if (!trusted.matcher(peer).matches()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (i == 0 || !trusted.matcher(hops.get(i)).matches()) {
                return hops.get(i);
            }
        }
        return peer;
    }
}
