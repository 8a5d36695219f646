package dev.todo.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of the browser being served, as Liberty's {@code <remoteIp>} established it: the peer, or what a
 * trusted proxy in front (an ingress, listed in {@code TRUSTED_PROXIES}) said in X-Forwarded-For. Never the header
 * itself: a browser could write anything there.
 */
@RequestScoped
public class BrowserAddress {

    @Inject
    HttpServletRequest request;

    public String address() {
        return request.getRemoteAddr();
    }
}
